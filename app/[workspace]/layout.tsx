import { KeyRound } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { requireMembership } from "@/app/_lib/session";
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
      <header className="border-b border-border bg-card">
        <div className="mx-auto flex h-14 max-w-6xl items-center gap-4 px-4">
          <Link href="/" className="flex items-center gap-2 font-semibold">
            <KeyRound aria-hidden className="h-5 w-5 text-primary" /> Keysmith
          </Link>
          <span aria-hidden className="text-muted-foreground">
            /
          </span>
          <span className="font-medium" data-testid="workspace-name">
            {membership.workspace.name}
          </span>
          <nav aria-label="Workspace" className="ml-4 flex gap-1 text-sm">
            <Link href={`/${slug}/keys`} className="rounded-md px-2 py-1 hover:bg-muted">
              API keys
            </Link>
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm">
            <Link href="/account" className="hidden text-muted-foreground hover:text-foreground sm:inline">
              {user.email} · {membership.role}
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </div>
  );
}
