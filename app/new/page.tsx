import { ArrowLeft, KeyRound } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/app/_lib/session";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { isWellFormedId } from "@/lib/id-format";
import { findOrg, orgRole, orgRoleActsInWorkspaces } from "@/lib/orgs/lookup";
import { listMemberships } from "@/lib/workspaces/lookup";
import { CreateWorkspaceForm } from "./create-workspace-form";

export const metadata: Metadata = { title: "New workspace" };

/** `?org=<id or slug>`: in that organization (its owners and admins may), else in a new one of its own. */
export default async function NewWorkspacePage({
  searchParams,
}: {
  searchParams: Promise<{ org?: string | string[] }>;
}) {
  const { user, db } = await requireUser();
  const [first] = await listMemberships(db, user.id);
  const { org: orgParam } = await searchParams;
  const named = typeof orgParam === "string" && isWellFormedId(orgParam) ? await findOrg(db, orgParam) : null;
  const organization = named && orgRoleActsInWorkspaces(await orgRole(db, named.id, user.id)) ? named : null;
  return (
    <main className="relative flex min-h-screen items-center justify-center px-4 py-12">
      <div className="absolute right-4 top-4">
        <ThemeToggle />
      </div>
      <div className="w-full max-w-md">
        <div className="mb-6 flex items-center justify-center gap-2 text-xl font-semibold">
          <KeyRound aria-hidden className="h-6 w-6 text-primary" /> Keysmith
        </div>
        <div className="rounded-xl border border-border bg-card p-6 shadow-sm">
          <CreateWorkspaceForm organization={organization} />
        </div>
        <div className="mt-4 flex items-center justify-between text-sm text-muted-foreground">
          {first ? (
            <Link
              href={`/${first.workspace.slug}/keys`}
              className="inline-flex items-center gap-1 rounded hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
            >
              <ArrowLeft aria-hidden className="h-4 w-4" /> Back to {first.workspace.name}
            </Link>
          ) : (
            <span />
          )}
          <Link
            href="/account"
            className="rounded hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
          >
            {user.email}
          </Link>
        </div>
      </div>
    </main>
  );
}
