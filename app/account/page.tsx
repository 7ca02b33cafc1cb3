import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/app/_lib/session";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { AppHeader } from "@/components/workspace/app-header";
import { SignOutButton } from "@/components/workspace/sign-out-button";
import { mailEnabled } from "@/lib/mail/mailer";
import { listMemberships } from "@/lib/workspaces/lookup";
import { PasskeysCard } from "./passkeys-card";
import { PersonalKeyCard } from "./personal-key-card";
import { ProfileCard } from "./profile-card";
import { SessionsCard } from "./sessions-card";
import { TwoFactorCard } from "./two-factor-card";
import { VerifyEmailNotice } from "./verify-email-notice";
import { WorkspacesCard } from "./workspaces-card";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage({
  searchParams,
}: {
  searchParams: Promise<{ from?: string; verified?: string }>;
}) {
  const { user, db } = await requireUser();
  const memberships = await listMemberships(db, user.id);
  // From the database, not the session's cookie cache, which can be a minute behind a change
  // (a just-followed verification link, two-factor just turned on).
  const { emailVerified: verified, twoFactorEnabled } = await db.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { emailVerified: true, twoFactorEnabled: true },
  });
  // Back to the workspace the user came from (the header link says which), else their first one.
  const { from, verified: verifiedParam } = await searchParams;
  const justVerified = verifiedParam === "1";
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
            Your profile, how and where you are signed in, your personal API key, and the workspaces you belong to.
          </p>
        </div>
        {mailEnabled() && !verified ? <VerifyEmailNotice email={user.email} /> : null}
        {verified && justVerified ? (
          <p role="status" className="rounded-md border border-border bg-card px-3 py-2 text-sm">
            Your email address {user.email} is verified.
          </p>
        ) : null}
        <ProfileCard user={{ name: user.name, email: user.email }} />
        <TwoFactorCard enabled={twoFactorEnabled} />
        <PasskeysCard />
        <PersonalKeyCard hasWorkspace={memberships.length > 0} />
        <SessionsCard />
        <WorkspacesCard
          workspaces={memberships.map((m) => ({ slug: m.workspace.slug, name: m.workspace.name, role: m.role }))}
        />
      </main>
    </div>
  );
}
