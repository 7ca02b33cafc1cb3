"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Activity } from "lucide-react";
import { usePathname, useSearchParams } from "next/navigation";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { LoadError } from "@/components/ui/load-error";
import { SegmentedControl } from "@/components/ui/segmented-control";
import { Skeleton } from "@/components/ui/skeleton";
import { keyUsageQuery } from "@/lib/client/queries/keys";
import { cn } from "@/lib/cn";
import type { UsageReport } from "@/lib/keys/usage-report";
import { SectionCard } from "./section-card";
import { isRange, RANGE_OPTIONS, type RangeValue } from "./usage-buckets";
import { Swatch, USAGE_COLOURS, UsageChart } from "./usage-chart";
import { UsageTable } from "./usage-table";

/** Verifications over 24 hours, 7 or 30 days; the range lives in the URL (?range=7d). */
export function UsagePanel({ workspace, keyId, neverUsed }: { workspace: string; keyId: string; neverUsed: boolean }) {
  const [range, setRange] = useUrlRange();
  const usage = useQuery({
    ...keyUsageQuery(workspace, keyId, range),
    // Keep the previous range on screen while the next loads, so nothing jumps.
    placeholderData: keepPreviousData,
  });
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  // While the next range loads, the previous one stays on screen (dimmed) and is described as what it is.
  const shown = RANGE_OPTIONS.find((o) => o.value === (usage.data?.range ?? range)) ?? RANGE_OPTIONS[0];

  return (
    <SectionCard
      id="usage-heading"
      title="Verifications"
      className={USAGE_COLOURS}
      actions={<SegmentedControl label="Time range" value={range} options={RANGE_OPTIONS} onChange={setRange} />}
    >
      {usage.isError ? (
        <LoadError
          title="Could not load usage"
          error={usage.error}
          onRetry={() => usage.refetch()}
          retrying={usage.isFetching}
        />
      ) : (
        <div className="space-y-4">
          <Totals report={usage.data} />
          <div className={cn("relative transition-opacity", usage.isPlaceholderData && "opacity-60")}>
            {usage.data ? (
              <UsageChart report={usage.data} description={shown.description} />
            ) : (
              <Skeleton className="h-60 w-full rounded-lg" />
            )}
            {usage.data && usage.data.totals.success + usage.data.totals.failure === 0 ? (
              <EmptyUsage neverUsed={neverUsed} period={shown.label} />
            ) : null}
          </div>
          <div className="flex flex-wrap items-center justify-between gap-3 text-xs text-muted-foreground">
            <span className="flex items-center gap-4">
              <span className="flex items-center gap-1.5">
                <Swatch className="bg-[var(--usage-success)]" /> Successful
              </span>
              <span className="flex items-center gap-1.5">
                <Swatch className="bg-[var(--usage-failure)]" /> Failed
              </span>
              {range === "24h" ? null : <span>Days in UTC</span>}
            </span>
            <Button
              variant="ghost"
              size="sm"
              aria-expanded={showTable}
              aria-controls={tableId}
              disabled={!usage.data}
              onClick={() => setShowTable((shown) => !shown)}
            >
              {showTable ? "Hide data table" : "Show data table"}
            </Button>
          </div>
          {showTable && usage.data ? (
            <UsageTable id={tableId} report={usage.data} caption={`Verifications ${shown.description}`} />
          ) : null}
        </div>
      )}
    </SectionCard>
  );
}

function useUrlRange(): [RangeValue, (range: RangeValue) => void] {
  const params = useSearchParams();
  const pathname = usePathname();
  const value = params.get("range");
  const range = isRange(value) ? value : "24h";
  const setRange = (next: RangeValue) => {
    const query = new URLSearchParams(params);
    if (next === "24h") query.delete("range");
    else query.set("range", next);
    const search = query.toString();
    // Next.js keeps useSearchParams in sync with history calls, without a server round trip.
    window.history.replaceState(null, "", search ? `${pathname}?${search}` : pathname);
  };
  return [range, setRange];
}

function Totals({ report }: { report: UsageReport | undefined }) {
  const total = report ? report.totals.success + report.totals.failure : 0;
  const rate = report && total > 0 ? `${((report.totals.success / total) * 100).toFixed(1)}%` : "—";
  const stats = [
    { label: "Successful", value: report?.totals.success.toLocaleString("en-US"), testId: "usage-total-success" },
    { label: "Failed", value: report?.totals.failure.toLocaleString("en-US"), testId: "usage-total-failure" },
    { label: "Success rate", value: report ? rate : undefined, testId: "usage-success-rate" },
  ];
  return (
    <dl className="grid grid-cols-3 gap-3" aria-live="polite">
      {stats.map((stat) => (
        <div key={stat.label} className="rounded-lg bg-muted/50 px-3 py-2.5">
          <dt className="text-xs text-muted-foreground">{stat.label}</dt>
          <dd className="mt-0.5 text-xl font-semibold tabular-nums" data-testid={stat.testId}>
            {stat.value ?? <Skeleton className="my-1 h-5 w-12" />}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function EmptyUsage({ neverUsed, period }: { neverUsed: boolean; period: string }) {
  return (
    <div className="absolute inset-0 flex items-center justify-center">
      <div className="rounded-lg border border-border bg-card/95 px-5 py-4 text-center shadow-sm">
        <Activity aria-hidden className="mx-auto h-5 w-5 text-muted-foreground" />
        <p className="mt-2 text-sm font-medium">
          {neverUsed ? "No verifications yet" : `No verifications in the last ${period}`}
        </p>
        <p className="mt-0.5 max-w-xs text-xs text-muted-foreground">
          {neverUsed
            ? "Successful and failed checks of this key will be counted here."
            : "Try a longer range to see earlier activity."}
        </p>
      </div>
    </div>
  );
}
