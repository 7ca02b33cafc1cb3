import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/app/_lib/session";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { AppHeader } from "@/components/workspace/app-header";
import { SignOutButton } from "@/components/workspace/sign-out-button";
import { isWellFormedId } from "@/lib/id-format";
import { findOrg, orgRole } from "@/lib/orgs/lookup";
import { orgDetail } from "@/lib/orgs/service";
import { OrgView } from "./_components/org-view";

export const metadata: Metadata = { title: "Organization" };

/** An organization's page: its workspaces, its members' roles and its keys, for those in it (404 for others). */
export default async function OrgPage({ params }: { params: Promise<{ org: string }> }) {
  const { org: idOrSlug } = await params;
  const { user, db } = await requireUser(`/orgs/${idOrSlug}`);
  const org = isWellFormedId(idOrSlug) ? await findOrg(db, idOrSlug) : null;
  const role = org ? await orgRole(db, org.id, user.id) : null;
  if (!org || !role) notFound();
  const detail = await orgDetail(db, { user, org, role }, new Date());
  const back = detail.workspaces.find((w) => w.member) ?? detail.workspaces[0];
  return (
    <div className="min-h-screen">
      <AppHeader
        title="Organization"
        aside={
          <>
            <Link href="/account" className="hidden text-muted-foreground hover:text-foreground sm:inline">
              {user.email}
            </Link>
            <ThemeToggle />
            <SignOutButton />
          </>
        }
        width="max-w-4xl"
      />
      <main className="mx-auto max-w-4xl space-y-6 px-4 py-8">
        {back ? (
          <Link
            href={`/${back.slug}/keys`}
            className="inline-flex items-center gap-1 rounded text-sm text-muted-foreground hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
          >
            <ArrowLeft aria-hidden className="h-4 w-4" /> Back to {back.name}
          </Link>
        ) : null}
        <OrgView detail={detail} viewerId={user.id} />
      </main>
    </div>
  );
}
