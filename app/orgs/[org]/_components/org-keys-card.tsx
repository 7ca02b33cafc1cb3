import Link from "next/link";
import { EnvironmentBadge, StatusBadge } from "@/components/keys/status-badge";
import { RelativeTime } from "@/components/ui/relative-time";
import type { OrgDetailView } from "@/lib/api/schemas/orgs";

/** The organization's keys: each acts in every workspace of it (callers name one with x-workspace-id). */
export function OrgKeysCard({ org }: { org: OrgDetailView }) {
  const home = org.workspaces.find((w) => w.member) ?? org.workspaces[0];
  return (
    <section aria-labelledby="org-keys-title" className="rounded-xl border border-border bg-card">
      <div className="p-6 pb-4">
        <h2 id="org-keys-title" className="font-semibold">
          Organization keys
        </h2>
        <p className="mt-1 text-sm text-muted-foreground">
          {org.keys.length === 0
            ? "None yet. Create one from any workspace's API keys page and choose the Organization scope."
            : "Each acts in every workspace of the organization, within its creator's organization role."}
        </p>
      </div>
      {org.keys.length > 0 ? (
        <ul className="divide-y divide-border border-t border-border">
          {org.keys.map((key) => (
            <li key={key.id} className="flex flex-wrap items-center gap-3 px-6 py-3 text-sm">
              {home ? (
                <Link href={`/${home.slug}/keys/${key.id}`} className="font-medium hover:underline">
                  {key.name}
                </Link>
              ) : (
                <span className="font-medium">{key.name}</span>
              )}
              <EnvironmentBadge environment={key.environment} />
              <code className="font-mono text-xs text-muted-foreground">{key.maskedKey}</code>
              <span className="text-xs text-muted-foreground">
                {key.createdBy ? `by ${key.createdBy.name}, ` : ""}
                <RelativeTime value={key.createdAt} />
              </span>
              <span className="ml-auto">
                <StatusBadge status={key.enabled || key.status !== "active" ? key.status : "disabled"} />
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
