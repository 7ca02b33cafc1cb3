"use client";

import { format, formatDistanceToNow } from "date-fns";

/** "3 minutes ago", with the exact time on hover and for assistive tech. */
export function RelativeTime({ value, fallback = "Never" }: { value: string | null; fallback?: string }) {
  if (!value) return <span className="text-muted-foreground">{fallback}</span>;
  const date = new Date(value);
  const exact = format(date, "PPpp");
  return (
    <time dateTime={value} title={exact}>
      {formatDistanceToNow(date, { addSuffix: true })}
    </time>
  );
}
