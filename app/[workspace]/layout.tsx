import Link from "next/link";
import type { ReactNode } from "react";
import { requireMembership } from "@/app/_lib/session";
import { AppHeader } from "@/components/workspace/app-header";
import { SignOutButton } from "@/components/workspace/sign-out-button";

export default async function WorkspaceLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ workspace: string }>;
}) {
  const { workspace: slug } = await params;
  const { membership, user } = await requireMembership(slug);
  return (
    <div className="min-h-screen">
      <AppHeader
        title={<span data-testid="workspace-name">{membership.workspace.name}</span>}
        nav={
          <nav aria-label="Workspace" className="ml-4 flex gap-1 text-sm">
            <Link href={`/${slug}/keys`} className="rounded-md px-2 py-1 hover:bg-muted">
              API keys
            </Link>
          </nav>
        }
        aside={
          <>
            <Link href="/account" className="hidden text-muted-foreground hover:text-foreground sm:inline">
              {user.email} · {membership.role}
            </Link>
            <SignOutButton />
          </>
        }
      />
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </div>
  );
}
