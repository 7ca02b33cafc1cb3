import Link from "next/link";
import type { ReactNode } from "react";
import { requireMembership } from "@/app/_lib/session";
import { LiveProvider } from "@/components/live/live-provider";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { AppHeader } from "@/components/workspace/app-header";
import { SignOutButton } from "@/components/workspace/sign-out-button";
import { WorkspaceNav } from "@/components/workspace/workspace-nav";
import { WorkspaceSwitcher } from "@/components/workspace/workspace-switcher";

export default async function WorkspaceLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ workspace: string }>;
}) {
  const { workspace: slug } = await params;
  const { membership, memberships, user } = await requireMembership(slug);
  const toSwitcher = (m: typeof membership) => ({ slug: m.workspace.slug, name: m.workspace.name, role: m.role });
  // Members see the pages they can read; settings are for those who may change them.
  const links = [
    { segment: "keys", label: "API keys" },
    { segment: "audit", label: "Audit log" },
    { segment: "members", label: "Members" },
    ...(membership.role === "member" ? [] : [{ segment: "settings", label: "Settings" }]),
    { segment: "organization", label: "Organization", href: `/orgs/${membership.workspace.orgId}` },
  ];
  return (
    // One event-stream connection per tab, kept while moving between the workspace's pages.
    <LiveProvider workspace={{ id: membership.workspace.id, slug }} userId={user.id}>
      <div className="min-h-screen">
        <AppHeader
          title={<WorkspaceSwitcher current={toSwitcher(membership)} workspaces={memberships.map(toSwitcher)} />}
          nav={<WorkspaceNav slug={slug} links={links} />}
          aside={
            <>
              <Link
                href={`/account?from=${slug}`}
                aria-label={`${user.email} · ${membership.role}`}
                title={user.email}
                className="hidden whitespace-nowrap text-muted-foreground hover:text-foreground md:inline"
              >
                {/* The address only on wide screens (cut short when long); the role always shows. */}
                <span className="hidden max-w-[14rem] truncate align-bottom 2xl:inline-block">{user.email}</span>
                <span className="hidden 2xl:inline"> · </span>
                <span data-testid="viewer-role">{membership.role}</span>
              </Link>
              <ThemeToggle />
              <SignOutButton />
            </>
          }
        />
        <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
      </div>
    </LiveProvider>
  );
}
