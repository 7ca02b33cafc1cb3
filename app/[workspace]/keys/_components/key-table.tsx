"use client";

import { KeyRound } from "lucide-react";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import type { KeyView } from "@/lib/api/schemas/keys";
import { EnvironmentBadge, StatusBadge } from "./status-badge";
import { useKeys } from "./use-keys";

interface KeyTableProps {
  workspace: string;
  canWrite: boolean;
  onRevoke: (key: KeyView) => void;
  onCreate: () => void;
}

const SKELETON_ROWS = ["first", "second", "third"];
const COLUMNS = ["Name", "Key", "Environment", "Created", "Last used", "Expires", "Status"];

export function KeyTable({ workspace, canWrite, onRevoke, onCreate }: KeyTableProps) {
  const keys = useKeys(workspace);

  if (keys.isError) {
    return (
      <div role="alert" className="rounded-xl border border-danger/40 bg-card p-6 text-sm">
        <p className="font-medium text-danger">Could not load keys</p>
        <p className="mt-1 text-muted-foreground">{keys.error.message}</p>
        <Button variant="secondary" size="sm" className="mt-3" onClick={() => keys.refetch()}>
          Try again
        </Button>
      </div>
    );
  }

  if (keys.data && keys.data.data.length === 0) {
    return (
      <div className="flex flex-col items-center rounded-xl border border-dashed border-border bg-card px-6 py-16 text-center">
        <KeyRound aria-hidden className="h-8 w-8 text-muted-foreground" />
        <h2 className="mt-3 font-medium">No API keys yet</h2>
        <p className="mt-1 max-w-sm text-sm text-muted-foreground">
          Create a key for each service that calls your API, so you can rotate or revoke one without touching the
          others.
        </p>
        {canWrite ? (
          <Button className="mt-4" onClick={onCreate}>
            Create your first key
          </Button>
        ) : null}
      </div>
    );
  }

  return (
    <div className="overflow-x-auto rounded-xl border border-border bg-card">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">API keys</caption>
        <thead className="border-b border-border bg-muted/50 text-xs uppercase tracking-wide text-muted-foreground">
          <tr>
            {COLUMNS.map((column) => (
              <th key={column} scope="col" className="px-4 py-3 font-medium">
                {column}
              </th>
            ))}
            <th scope="col" className="px-4 py-3">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {keys.isPending
            ? SKELETON_ROWS.map((id) => <SkeletonRow key={id} />)
            : keys.data.data.map((key) => (
                <tr key={key.id} data-key-id={key.id}>
                  <td className="px-4 py-3 font-medium">{key.name}</td>
                  <td className="px-4 py-3">
                    <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs">{key.maskedKey}</code>
                  </td>
                  <td className="px-4 py-3">
                    <EnvironmentBadge environment={key.environment} />
                  </td>
                  <td className="px-4 py-3 whitespace-nowrap">
                    <RelativeTime value={key.createdAt} />
                    {key.createdBy ? (
                      <div className="text-xs text-muted-foreground">by {key.createdBy.name}</div>
                    ) : null}
                  </td>
                  <td className="px-4 py-3 whitespace-nowrap">
                    <RelativeTime value={key.lastUsedAt} />
                  </td>
                  <td className="px-4 py-3 whitespace-nowrap">
                    {key.status === "revoked" ? (
                      <span className="text-muted-foreground">—</span>
                    ) : (
                      <RelativeTime value={key.expiresAt} fallback="Never" />
                    )}
                  </td>
                  <td className="px-4 py-3">
                    <StatusBadge status={key.status} />
                  </td>
                  <td className="px-4 py-3 text-right">
                    {canWrite && key.status !== "revoked" ? (
                      <Button
                        variant="secondary"
                        size="sm"
                        onClick={() => onRevoke(key)}
                        aria-label={`Revoke ${key.name}`}
                      >
                        Revoke
                      </Button>
                    ) : null}
                  </td>
                </tr>
              ))}
        </tbody>
      </table>
    </div>
  );
}

function SkeletonRow() {
  return (
    <tr aria-hidden>
      {[...COLUMNS, ""].map((column) => (
        <td key={column} className="px-4 py-3">
          <div className="h-4 w-full max-w-[8rem] animate-pulse rounded bg-muted" />
        </td>
      ))}
    </tr>
  );
}
