import type { UsageReport } from "@/lib/keys/usage-report";

export type Granularity = UsageReport["granularity"];

const hourShort = new Intl.DateTimeFormat("en-US", { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const hourLong = new Intl.DateTimeFormat("en-US", {
  weekday: "short",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
// Daily buckets are UTC days, so they are labelled in UTC.
const dayShort = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const dayLong = new Intl.DateTimeFormat("en-US", {
  weekday: "short",
  month: "short",
  day: "numeric",
  year: "numeric",
  timeZone: "UTC",
});

/** "14:00" or "Jan 31" on the axis; "Fri, Jan 31, 14:00" or "Fri, Jan 31, 2025 (UTC)" in the table. */
export function bucketLabel(start: string, granularity: Granularity, style: "short" | "long"): string {
  const date = new Date(start);
  if (granularity === "hour") return (style === "short" ? hourShort : hourLong).format(date);
  return style === "short" ? dayShort.format(date) : `${dayLong.format(date)} (UTC)`;
}

export const RANGE_OPTIONS = [
  { value: "24h", label: "24 hours", description: "per hour, last 24 hours" },
  { value: "7d", label: "7 days", description: "per day, last 7 days" },
  { value: "30d", label: "30 days", description: "per day, last 30 days" },
] as const;
export type RangeValue = (typeof RANGE_OPTIONS)[number]["value"];

export function isRange(value: string | null): value is RangeValue {
  return RANGE_OPTIONS.some((option) => option.value === value);
}
