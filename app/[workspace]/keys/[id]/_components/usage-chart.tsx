"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { UsageReport } from "@/lib/keys/usage-report";
import { bucketLabel } from "./usage-buckets";

/** Sets the series colours for the chart and its legend; put it on an element around both. */
export const USAGE_COLOURS =
  "[--usage-failure:#dc2626] [--usage-success:#059669] dark:[--usage-failure:#f87171] dark:[--usage-success:#34d399]";

const AXIS_TICK = { fill: "var(--muted-foreground)", fontSize: 12 };

/**
 * Stacked bars of successful and failed verifications. Presentational for assistive tech:
 * the totals and the data table beside it carry the same numbers. Not animated: bars that grow
 * on every refetch or resize distract more than they explain.
 */
export function UsageChart({ report, description }: { report: UsageReport; description: string }) {
  const data = report.points.map((point) => ({
    ...point,
    label: bucketLabel(point.start, report.granularity, "short"),
  }));
  return (
    <div
      role="img"
      aria-label={`Bar chart of successful and failed verifications ${description}`}
      className="h-60 w-full"
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 4, bottom: 0, left: -12 }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke="var(--border)" />
          <XAxis
            dataKey="label"
            tickLine={false}
            axisLine={false}
            tick={AXIS_TICK}
            interval="preserveStartEnd"
            minTickGap={24}
          />
          <YAxis allowDecimals={false} tickLine={false} axisLine={false} tick={AXIS_TICK} width={44} />
          <Tooltip
            cursor={{ fill: "var(--muted)", opacity: 0.7 }}
            content={(props) => <UsageTooltip {...props} granularity={report.granularity} />}
          />
          <Bar
            dataKey="success"
            name="Successful"
            stackId="usage"
            fill="var(--usage-success)"
            maxBarSize={28}
            isAnimationActive={false}
          />
          <Bar
            dataKey="failure"
            name="Failed"
            stackId="usage"
            fill="var(--usage-failure)"
            maxBarSize={28}
            radius={[3, 3, 0, 0]}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

type Point = UsageReport["points"][number];

function UsageTooltip({
  active,
  payload,
  granularity,
}: {
  active?: boolean;
  payload?: readonly { payload?: unknown }[];
  granularity: UsageReport["granularity"];
}) {
  const point = payload?.[0]?.payload as Point | undefined;
  if (!active || !point) return null;
  return (
    <div className="rounded-md border border-border bg-card px-3 py-2 text-xs shadow-md">
      <p className="font-medium">{bucketLabel(point.start, granularity, "long")}</p>
      <p className="mt-1 flex items-center gap-1.5">
        <Swatch className="bg-[var(--usage-success)]" /> {point.success.toLocaleString()} successful
      </p>
      <p className="flex items-center gap-1.5">
        <Swatch className="bg-[var(--usage-failure)]" /> {point.failure.toLocaleString()} failed
      </p>
    </div>
  );
}

export function Swatch({ className }: { className: string }) {
  return <span aria-hidden className={`inline-block h-2.5 w-2.5 rounded-sm ${className}`} />;
}
