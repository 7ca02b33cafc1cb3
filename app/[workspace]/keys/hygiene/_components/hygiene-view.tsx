"use client";

import { ArrowLeft, Ban, PowerOff, Sparkles } from "lucide-react";
import Link from "next/link";
import { useMemo, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import type { HygieneReport } from "@/lib/api/schemas/hygiene";
import { cn } from "@/lib/cn";
import { HYGIENE_FINDING_LABELS, HYGIENE_FINDINGS, type HygieneFinding } from "@/lib/keys/hygiene-findings";
import type { Viewer } from "@/lib/keys/permissions";
import { BulkConfirmDialog } from "./bulk-confirm-dialog";
import { HygieneTable } from "./hygiene-table";
import { type BulkAction, useBulkAction, useHygiene } from "./use-hygiene";

type Filter = HygieneFinding | "all";

const keys = (count: number) => `${count} key${count === 1 ? "" : "s"}`;

/** The hygiene page: findings to filter by, the keys, and bulk revoke / disable behind one confirmation. */
export function HygieneView({
  workspace,
  viewer,
  initial,
}: {
  workspace: { slug: string; name: string };
  viewer: Viewer;
  initial: HygieneReport;
}) {
  const report = useHygiene(workspace.slug, initial).data;
  const bulk = useBulkAction(workspace.slug);
  const [filter, setFilter] = useState<Filter>("all");
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState<BulkAction | null>(null);
  // Revoking and disabling need keys.write, as the bulk routes do.
  const canAct = viewer.scopes.includes("keys.write");

  const shown = useMemo(
    () => (filter === "all" ? report.data : report.data.filter((key) => key.findings.includes(filter))),
    [report.data, filter],
  );
  // Only keys still listed can be acted on (a refresh may have dropped some).
  const chosen = report.data.filter((key) => selected.has(key.id));
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const toggleAll = (select: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const key of shown) {
        if (select) next.add(key.id);
        else next.delete(key.id);
      }
      return next;
    });

  const confirm = () => {
    if (!confirming) return;
    const action = confirming;
    bulk.mutate(
      { action, ids: chosen.map((key) => key.id) },
      {
        onSuccess: (result) => {
          setConfirming(null);
          setSelected(new Set());
          const verb = action === "revoke" ? "revoked" : "disabled";
          const done = `${keys(result.done.length)} ${verb}`;
          if (result.failed.length > 0) {
            toast.error(`${done}; ${keys(result.failed.length)} could not be: ${result.failed[0].message}`);
          } else toast.success(done);
        },
      },
    );
  };

  const total = report.data.length;
  return (
    <div className="space-y-6">
      <div>
        <Link
          href={`/${workspace.slug}/keys`}
          className="inline-flex items-center gap-1 rounded-sm text-sm text-muted-foreground hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
        >
          <ArrowLeft aria-hidden className="h-4 w-4" /> API keys
        </Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">Key hygiene</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          {workspace.name}'s keys that nobody uses, never expire, or belong to people who left. Revoke or disable the
          ones you no longer need.
        </p>
      </div>

      {total === 0 ? (
        <div className="rounded-xl border border-dashed border-border bg-card px-6 py-16 text-center">
          <Sparkles aria-hidden className="mx-auto h-7 w-7 text-muted-foreground" />
          <h2 className="mt-3 font-medium">Nothing to tidy up</h2>
          <p className="mx-auto mt-1 max-w-sm text-sm text-muted-foreground">
            Every working key is in use, expires, and belongs to a current member.
          </p>
        </div>
      ) : (
        <div className="space-y-3">
          <fieldset className="flex flex-wrap gap-2">
            <legend className="sr-only">Show keys</legend>
            {(["all", ...HYGIENE_FINDINGS] as const).map((value) => {
              const count = value === "all" ? total : report.counts[value];
              const pressed = filter === value;
              return (
                <button
                  key={value}
                  type="button"
                  aria-pressed={pressed}
                  onClick={() => setFilter(value)}
                  className={cn(
                    "inline-flex items-center gap-1.5 rounded-full border px-3 py-1 text-sm font-medium transition focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
                    pressed
                      ? "border-primary bg-primary text-primary-foreground"
                      : "border-border bg-card text-muted-foreground hover:text-foreground",
                  )}
                >
                  {value === "all" ? "All findings" : HYGIENE_FINDING_LABELS[value]}
                  <span className={cn("tabular-nums", pressed ? "opacity-80" : "text-muted-foreground")}>{count}</span>
                </button>
              );
            })}
          </fieldset>

          {canAct ? (
            <div
              className="flex min-h-10 flex-wrap items-center justify-between gap-3"
              role="toolbar"
              aria-label="Selected keys"
            >
              <p className="text-sm text-muted-foreground" aria-live="polite">
                {chosen.length === 0 ? "Select keys to revoke or disable them." : `${keys(chosen.length)} selected`}
              </p>
              <div className="flex gap-2">
                <Button
                  variant="secondary"
                  size="sm"
                  disabled={chosen.length === 0}
                  onClick={() => setConfirming("disable")}
                >
                  <PowerOff aria-hidden className="h-4 w-4" /> Disable
                </Button>
                <Button
                  variant="danger"
                  size="sm"
                  disabled={chosen.length === 0}
                  onClick={() => setConfirming("revoke")}
                >
                  <Ban aria-hidden className="h-4 w-4" /> Revoke
                </Button>
              </div>
            </div>
          ) : null}

          {shown.length === 0 ? (
            <div className="rounded-xl border border-dashed border-border bg-card px-6 py-12 text-center">
              <h2 className="font-medium">No keys here</h2>
              <p className="mt-1 text-sm text-muted-foreground">No working key has this finding.</p>
            </div>
          ) : (
            <HygieneTable
              workspace={workspace.slug}
              keys={shown}
              selectable={canAct}
              selected={selected}
              onToggle={toggle}
              onToggleAll={toggleAll}
            />
          )}
          {report.truncated ? (
            <p className="text-xs text-muted-foreground">Showing the {total} keys idle longest.</p>
          ) : null}
        </div>
      )}

      <BulkConfirmDialog
        action={confirming}
        names={chosen.map((key) => key.name)}
        pending={bulk.isPending}
        error={bulk.error?.message ?? null}
        onConfirm={confirm}
        onCancel={() => {
          setConfirming(null);
          bulk.reset();
        }}
      />
    </div>
  );
}
