"use client";

import Link from "next/link";
import { type KeyAction, KeyRowActions } from "@/components/keys/key-row-actions";
import { EnvironmentBadge, StatusBadge } from "@/components/keys/status-badge";
import { RelativeTime } from "@/components/ui/relative-time";
import type { KeyView } from "@/lib/api/schemas/keys";
import { ScopeChips } from "./scope-chips";

/** Every row has the height of two lines of text, so skeleton rows and real rows take the same space. */
export const ROW_CLASS = "h-16";
export const CELL_CLASS = "px-3 py-2 align-middle first:pl-4 last:pr-4";
/** Where a key acts, as MutagenT names its three scopes. */
export const SCOPE_KIND_LABELS: Record<KeyView["kind"], string> = {
  workspace: "Workspace key",
  organization: "Organization key · every workspace",
  personal: "User key",
};
const SECOND_LINE = "mt-0.5 block truncate text-xs leading-4 text-muted-foreground";

export function KeyRow({
  workspace,
  keyView: key,
  actions,
  onAction,
}: {
  workspace: string;
  keyView: KeyView;
  actions: KeyAction[];
  onAction: (action: KeyAction, key: KeyView) => void;
}) {
  return (
    <tr data-key-id={key.id} className={`${ROW_CLASS} transition-colors hover:bg-muted/40`}>
      <td className={`${CELL_CLASS} max-w-56`}>
        <span className="flex items-center gap-2">
          <Link
            href={`/${workspace}/keys/${key.id}`}
            className="truncate font-medium hover:underline focus-visible:rounded-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
          >
            {key.name}
          </Link>
        </span>
        {key.description ? <span className={SECOND_LINE}>{key.description}</span> : null}
      </td>
      <td className={CELL_CLASS}>
        <span className="flex items-center gap-2 whitespace-nowrap">
          <EnvironmentBadge environment={key.environment} />
          <code className="font-mono text-xs text-muted-foreground">{key.maskedKey}</code>
        </span>
        <span className={SECOND_LINE} data-testid="key-scope-kind">
          {SCOPE_KIND_LABELS[key.kind]}
        </span>
      </td>
      <td className={CELL_CLASS}>
        <ScopeChips scopes={key.scopes} />
      </td>
      <td className={`${CELL_CLASS} whitespace-nowrap`}>
        <RelativeTime value={key.createdAt} />
        <span className={SECOND_LINE}>{key.createdBy ? `by ${key.createdBy.name}` : "\u00a0"}</span>
      </td>
      <td className={`${CELL_CLASS} whitespace-nowrap`}>
        <RelativeTime value={key.lastUsedAt} fallback="Never used" detail={<LastUseDetail keyView={key} />} />
        {key.lastUsedIp ? <span className={`${SECOND_LINE} font-mono`}>{key.lastUsedIp}</span> : null}
      </td>
      <td className={`${CELL_CLASS} whitespace-nowrap`}>
        {/* Switched off by hand (and back on at will): says more than "Active" would. */}
        {key.enabled || key.status === "revoked" || key.status === "expired" || key.status === "rotated" ? (
          <StatusBadge status={key.status} />
        ) : (
          <StatusBadge status="disabled" />
        )}
        <StatusDetail keyView={key} />
      </td>
      <td className={`${CELL_CLASS} w-12 text-right`}>
        <KeyRowActions keyView={key} actions={actions} onAction={onAction} />
      </td>
    </tr>
  );
}

function LastUseDetail({ keyView: key }: { keyView: KeyView }) {
  return (
    <>
      {key.lastUsedIp ? <span className="block">from {key.lastUsedIp}</span> : null}
      {key.lastUsedUserAgent ? (
        <span className="block max-w-64 truncate text-muted-foreground">{key.lastUsedUserAgent}</span>
      ) : null}
    </>
  );
}

/** The line under the status badge: when the key stops (or stopped) working, exact on hover. */
function StatusDetail({ keyView: key }: { keyView: KeyView }) {
  const [verb, at] =
    key.status === "revoked"
      ? ["revoked", key.revokedAt]
      : key.status === "expired"
        ? ["expired", key.expiresAt]
        : key.status === "rotated"
          ? ["replaced", key.expiresAt]
          : key.status === "in_grace"
            ? ["stops", key.expiresAt]
            : ["expires", key.expiresAt];
  if (!at) return <span className={SECOND_LINE}>never expires</span>;
  return (
    <span className={SECOND_LINE}>
      {verb} <RelativeTime value={at} />
    </span>
  );
}
