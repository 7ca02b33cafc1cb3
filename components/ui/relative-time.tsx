"use client";

import { format } from "date-fns";
import type { ReactNode } from "react";
import { Tooltip } from "@/components/ui/tooltip";
import { formatRelative } from "@/lib/time/relative";
import { useRenderNow } from "./render-time";

/**
 * "5 min ago", "in 3 days" or "Mar 3, 2026", with the exact time (and any `detail`, such as the address a key was
 * used from) in a tooltip on hover.
 */
export function RelativeTime({
  value,
  fallback = "Never",
  detail,
}: {
  value: string | null;
  fallback?: string;
  detail?: ReactNode;
}) {
  const { now, timeZone, hydrated } = useRenderNow();
  if (!value) return <span className="text-muted-foreground">{fallback}</span>;
  const date = new Date(value);
  const time = (
    <time dateTime={value} className="cursor-default">
      {formatRelative(date, now, { timeZone })}
    </time>
  );
  // No tooltip in the server's HTML: it cannot open before hydration, and a table of them
  // made rendering the page's rows on the server much slower (a Radix root each).
  if (!hydrated) return time;
  return (
    <Tooltip
      content={
        <span className="block space-y-0.5">
          <span className="block font-medium">{format(date, "PPpp")}</span>
          {detail}
        </span>
      }
    >
      {time}
    </Tooltip>
  );
}
