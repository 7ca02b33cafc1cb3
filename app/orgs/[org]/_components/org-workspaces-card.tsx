import { ChevronRight, Plus } from "lucide-react";
import Link from "next/link";
import type { OrgDetailView } from "@/lib/api/schemas/orgs";

/** The organization's workspaces (all of them for owners and admins), and the way to add one. */
export function OrgWorkspacesCard({ org, manages }: { org: OrgDetailView; manages: boolean }) {
  return (
    <section aria-labelledby="org-workspaces-title" className="rounded-xl border border-border bg-card">
      <div className="flex flex-wrap items-start justify-between gap-3 p-6 pb-4">
        <div>
          <h2 id="org-workspaces-title" className="font-semibold">
            Workspaces
          </h2>
          <p className="mt-1 text-sm text-muted-foreground">
            {org.workspaces.length === 1 ? "One workspace" : `${org.workspaces.length} workspaces`}
            {manages ? " in this organization." : " of this organization that you belong to."}
          </p>
        </div>
        {manages ? (
          <Link
            href={`/new?org=${encodeURIComponent(org.slug)}`}
            className="inline-flex h-8 items-center gap-1.5 rounded-md border border-border bg-card px-2.5 text-sm font-medium hover:bg-muted focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
          >
            <Plus aria-hidden className="h-4 w-4" /> New workspace
          </Link>
        ) : null}
      </div>
      <ul className="divide-y divide-border border-t border-border">
        {org.workspaces.map((workspace) => (
          <li key={workspace.id}>
            <Link
              href={`/${workspace.slug}/keys`}
              className="flex items-center gap-3 px-6 py-3 text-sm hover:bg-muted/60 focus-visible:bg-muted/60 focus-visible:outline-none"
            >
              <span className="font-medium">{workspace.name}</span>
              <span className="text-muted-foreground">/{workspace.slug}</span>
              <code className="font-mono text-xs text-muted-foreground">{workspace.keyPrefix}_…</code>
              <span className="ml-auto text-xs text-muted-foreground">
                {workspace.member ? "Member" : "Through the organization"}
              </span>
              <ChevronRight aria-hidden className="h-4 w-4 text-muted-foreground" />
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
