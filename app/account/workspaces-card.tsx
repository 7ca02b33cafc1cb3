import { ChevronRight, Plus } from "lucide-react";
import Link from "next/link";
import { RoleBadge } from "@/components/workspace/role-badge";
import type { Role } from "@/lib/auth/scopes";

/** Every workspace you belong to, with your role there, and the way to create another. */
export function WorkspacesCard({ workspaces }: { workspaces: { slug: string; name: string; role: Role }[] }) {
  return (
    <section aria-labelledby="workspaces-title" className="rounded-xl border border-border bg-card">
      <div className="flex flex-wrap items-start justify-between gap-3 p-6 pb-4">
        <div>
          <h2 id="workspaces-title" className="font-semibold">
            Workspaces
          </h2>
          <p className="mt-1 text-sm text-muted-foreground">
            {workspaces.length === 0
              ? "You are not in any workspace yet. Create one, or open an invite link you were sent."
              : `You belong to ${workspaces.length === 1 ? "one workspace" : `${workspaces.length} workspaces`}.`}
          </p>
        </div>
        <Link
          href="/new"
          className="inline-flex h-8 items-center gap-1.5 rounded-md border border-border bg-card px-2.5 text-sm font-medium hover:bg-muted focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
        >
          <Plus aria-hidden className="h-4 w-4" /> Create workspace
        </Link>
      </div>
      {workspaces.length > 0 ? (
        <ul className="divide-y divide-border border-t border-border">
          {workspaces.map((workspace) => (
            <li key={workspace.slug}>
              <Link
                href={`/${workspace.slug}/keys`}
                className="flex items-center gap-3 px-6 py-3 text-sm hover:bg-muted/60 focus-visible:bg-muted/60 focus-visible:outline-none"
              >
                <span className="font-medium">{workspace.name}</span>
                <span className="text-muted-foreground">/{workspace.slug}</span>
                <span className="ml-auto">
                  <RoleBadge role={workspace.role} />
                </span>
                <ChevronRight aria-hidden className="h-4 w-4 text-muted-foreground" />
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
