import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/app/_lib/session";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { AppHeader } from "@/components/workspace/app-header";
import { SignOutButton } from "@/components/workspace/sign-out-button";
import { listMemberships } from "@/lib/workspaces/lookup";
import { PersonalKeyCard } from "./personal-key-card";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const { user, db } = await requireUser();
  const memberships = await listMemberships(db, user.id);
  return (
    <div className="min-h-screen">
      <AppHeader
        title="Account"
        aside={
          <>
            <ThemeToggle />
            <SignOutButton />
          </>
        }
        width="max-w-3xl"
      />
      <main className="mx-auto max-w-3xl space-y-8 px-4 py-8">
        <section aria-labelledby="profile" className="rounded-xl border border-border bg-card p-6">
          <h1 id="profile" className="text-lg font-semibold">
            {user.name}
          </h1>
          <p className="text-sm text-muted-foreground">{user.email}</p>
          <ul className="mt-4 space-y-1 text-sm">
            {memberships.map((m) => (
              <li key={m.workspace.id}>
                <Link href={`/${m.workspace.slug}/keys`} className="text-primary underline-offset-4 hover:underline">
                  {m.workspace.name}
                </Link>{" "}
                <span className="text-muted-foreground">· {m.role}</span>
              </li>
            ))}
          </ul>
        </section>
        <PersonalKeyCard hasWorkspace={memberships.length > 0} />
      </main>
    </div>
  );
}
