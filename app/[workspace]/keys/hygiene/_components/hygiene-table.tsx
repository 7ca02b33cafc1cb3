"use client";

import Link from "next/link";
import { EnvironmentBadge, StatusBadge } from "@/components/keys/status-badge";
import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import type { HygieneReport } from "@/lib/api/schemas/hygiene";
import { HYGIENE_FINDING_LABELS, type HygieneFinding } from "@/lib/keys/hygiene-findings";

type HygieneKey = HygieneReport["data"][number];

const CELL = "px-3 py-2 align-middle first:pl-4 last:pr-4";
const SECOND_LINE = "mt-0.5 block truncate text-xs leading-4 text-muted-foreground";
const FINDING_TONE: Record<HygieneFinding, "neutral" | "amber" | "red"> = {
  never_used: "neutral",
  unused_30d: "amber",
  unused_90d: "amber",
  never_expires: "amber",
  creator_left: "red",
};

/** A key with 90 days of idleness also has 30: the badge says the stronger one. */
const shownFindings = (findings: HygieneFinding[]) =>
  findings.filter((finding) => !(finding === "unused_30d" && findings.includes("unused_90d")));

/** The keys with findings, each with a checkbox when the viewer may act on them. */
export function HygieneTable({
  workspace,
  keys,
  selectable,
  selected,
  onToggle,
  onToggleAll,
}: {
  workspace: string;
  keys: HygieneKey[];
  selectable: boolean;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onToggleAll: (select: boolean) => void;
}) {
  const all = keys.length > 0 && keys.every((key) => selected.has(key.id));
  const some = keys.some((key) => selected.has(key.id));
  return (
    <div className="overflow-x-auto rounded-xl border border-border bg-card shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Keys worth a second look</caption>
        <thead className="border-b border-border bg-muted/50 text-xs uppercase tracking-wide text-muted-foreground">
          <tr>
            {selectable ? (
              <th scope="col" className="w-10 py-3 pl-4">
                <input
                  type="checkbox"
                  aria-label="Select every key shown"
                  checked={all}
                  ref={(box) => {
                    if (box) box.indeterminate = some && !all;
                  }}
                  onChange={(event) => onToggleAll(event.target.checked)}
                  className="h-4 w-4 accent-primary"
                />
              </th>
            ) : null}
            {["Key", "Findings", "Created", "Last used", "Expires"].map((column) => (
              <th key={column} scope="col" className="px-3 py-3 font-medium first:pl-4">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {keys.map((key) => (
            <tr key={key.id} data-key-id={key.id} className="h-16 transition-colors hover:bg-muted/40">
              {selectable ? (
                <td className="w-10 py-2 pl-4 align-middle">
                  <input
                    type="checkbox"
                    aria-label={`Select ${key.name}`}
                    checked={selected.has(key.id)}
                    onChange={() => onToggle(key.id)}
                    className="h-4 w-4 accent-primary"
                  />
                </td>
              ) : null}
              <td className={`${CELL} max-w-64`}>
                <span className="flex items-center gap-2">
                  <Link
                    href={`/${workspace}/keys/${key.id}`}
                    className="truncate font-medium hover:underline focus-visible:rounded-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
                  >
                    {key.name}
                  </Link>
                  {key.enabled ? null : <StatusBadge status="disabled" />}
                </span>
                <span className="mt-0.5 flex items-center gap-2 whitespace-nowrap">
                  <EnvironmentBadge environment={key.environment} />
                  <code className="font-mono text-xs text-muted-foreground">{key.maskedKey}</code>
                </span>
              </td>
              <td className={CELL}>
                <span className="flex flex-wrap gap-1">
                  {shownFindings(key.findings).map((finding) => (
                    <Badge key={finding} tone={FINDING_TONE[finding]}>
                      {HYGIENE_FINDING_LABELS[finding]}
                    </Badge>
                  ))}
                </span>
              </td>
              <td className={`${CELL} whitespace-nowrap`}>
                <RelativeTime value={key.createdAt} />
                <span className={SECOND_LINE}>{key.createdBy ? `by ${key.createdBy.name}` : "\u00a0"}</span>
              </td>
              <td className={`${CELL} whitespace-nowrap`}>
                <RelativeTime value={key.lastUsedAt} fallback="Never" />
              </td>
              <td className={`${CELL} whitespace-nowrap`}>
                <RelativeTime value={key.expiresAt} fallback="Never" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
