import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/app/_lib/session";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { AppHeader } from "@/components/workspace/app-header";
import { SignOutButton } from "@/components/workspace/sign-out-button";
import { listMemberships } from "@/lib/workspaces/lookup";
import { PersonalKeyCard } from "./personal-key-card";
import { ProfileCard } from "./profile-card";
import { SessionsCard } from "./sessions-card";
import { WorkspacesCard } from "./workspaces-card";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ from?: string }> }) {
  const { user, db } = await requireUser();
  const memberships = await listMemberships(db, user.id);
  // Back to the workspace the user came from (the header link says which), else their first one.
  const { from } = await searchParams;
  const back = memberships.find((m) => m.workspace.slug === from) ?? memberships[0];
  return (
    <div className="min-h-screen">
      <AppHeader
        title="Account"
        aside={
          <>
            <span className="hidden text-muted-foreground sm:inline">{user.email}</span>
            <ThemeToggle />
            <SignOutButton />
          </>
        }
        width="max-w-3xl"
      />
      <main className="mx-auto max-w-3xl space-y-6 px-4 py-8">
        <div>
          {back ? (
            <Link
              href={`/${back.workspace.slug}/keys`}
              className="inline-flex items-center gap-1 rounded text-sm text-muted-foreground hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
            >
              <ArrowLeft aria-hidden className="h-4 w-4" /> Back to {back.workspace.name}
            </Link>
          ) : null}
          <h1 className="mt-2 text-2xl font-semibold tracking-tight">Your account</h1>
          <p className="mt-1 text-sm text-muted-foreground">
            Your profile, your personal API key, where you are signed in, and the workspaces you belong to.
          </p>
        </div>
        <ProfileCard user={{ name: user.name, email: user.email }} />
        <PersonalKeyCard hasWorkspace={memberships.length > 0} />
        <SessionsCard />
        <WorkspacesCard
          workspaces={memberships.map((m) => ({ slug: m.workspace.slug, name: m.workspace.name, role: m.role }))}
        />
      </main>
    </div>
  );
}
