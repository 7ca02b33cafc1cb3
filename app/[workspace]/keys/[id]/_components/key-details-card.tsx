import { CopyButton } from "@/components/ui/copy-button";
import { RelativeTime } from "@/components/ui/relative-time";
import type { KeyView } from "@/lib/api/schemas/keys";
import { DetailRow, SectionCard } from "./section-card";

/** Everything configured on the key, as a definition list. */
export function KeyDetailsCard({ keyView }: { keyView: KeyView }) {
  return (
    <SectionCard id="key-details-heading" title="Details">
      <dl className="space-y-4 text-sm">
        <DetailRow label="Key ID">
          <span className="flex items-center gap-2">
            <code className="truncate font-mono text-xs">{keyView.id}</code>
            <CopyButton
              value={keyView.id}
              label="Copy"
              copiedMessage="Key ID copied"
              size="sm"
              variant="ghost"
              aria-label="Copy key ID"
              className="h-7 px-2 text-xs"
            />
          </span>
        </DetailRow>
        <DetailRow label="Scopes">
          <ChipList items={keyView.scopes} empty="No scopes: the key can only prove who it is" />
        </DetailRow>
        <DetailRow label="IP allowlist">
          <ChipList items={keyView.ipAllowlist} empty="Any IP address" />
        </DetailRow>
        <DetailRow label="Created">
          <RelativeTime value={keyView.createdAt} />
          {keyView.createdBy ? <span className="text-muted-foreground"> by {keyView.createdBy.name}</span> : null}
        </DetailRow>
        <DetailRow label="Expires">
          {keyView.revokedAt ? (
            <span className="text-muted-foreground">Not applicable: revoked</span>
          ) : (
            <RelativeTime value={keyView.expiresAt} fallback="Never" />
          )}
        </DetailRow>
        <DetailRow label="Enabled">
          {keyView.enabled ? "Yes" : <span className="text-danger">No: verifications answer DISABLED</span>}
        </DetailRow>
        <DetailRow label="Rate limit">
          {keyView.rateLimit ? (
            `${keyView.rateLimit.max.toLocaleString("en-US")} requests per ${formatWindow(keyView.rateLimit.windowMs)}`
          ) : (
            <span className="text-muted-foreground">None</span>
          )}
        </DetailRow>
        {keyView.rotatedAt ? (
          <DetailRow label="Rotated">
            <RelativeTime value={keyView.rotatedAt} />
          </DetailRow>
        ) : null}
        {keyView.revokedAt ? (
          <DetailRow label="Revoked">
            <RelativeTime value={keyView.revokedAt} />
          </DetailRow>
        ) : null}
      </dl>
    </SectionCard>
  );
}

function ChipList({ items, empty }: { items: string[]; empty: string }) {
  if (items.length === 0) return <span className="text-muted-foreground">{empty}</span>;
  return (
    <ul className="flex flex-wrap gap-1.5">
      {items.map((item) => (
        <li key={item} className="rounded-md border border-border bg-muted/60 px-1.5 py-0.5 font-mono text-xs">
          {item}
        </li>
      ))}
    </ul>
  );
}

/** 60000 → "minute", 3600000 → "hour", 90000 → "90 seconds". */
function formatWindow(ms: number): string {
  const units: [number, string][] = [
    [86_400_000, "day"],
    [3_600_000, "hour"],
    [60_000, "minute"],
    [1000, "second"],
  ];
  for (const [size, name] of units) {
    if (ms % size === 0) {
      const count = ms / size;
      return count === 1 ? name : `${count} ${name}s`;
    }
  }
  return `${ms} ms`;
}
