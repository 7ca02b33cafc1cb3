import { differenceInCalendarDays, format } from "date-fns";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

/** Days and dates in UTC, the same on any machine: for HTML the server renders and the browser hydrates. */
const utcDate = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
const utcCalendarDays = (date: Date, now: Date) => Math.floor(date.getTime() / DAY) - Math.floor(now.getTime() / DAY);

/**
 * A short relative time for tables: "just now", "5 min ago", "3 hours ago", "in 2 days";
 * beyond a month, the date itself ("Mar 3, 2026"), which says more than "in 11 months".
 * Days and dates are the local time zone's, or UTC's with `timeZone: "UTC"`.
 */
export function formatRelative(date: Date, now: Date, options: { timeZone?: "local" | "UTC" } = {}): string {
  const utc = options.timeZone === "UTC";
  const diff = date.getTime() - now.getTime();
  const distance = Math.abs(diff);
  const say = (text: string) => (diff < 0 ? `${text} ago` : `in ${text}`);
  if (distance < MINUTE) return "just now";
  if (distance < HOUR) return say(`${Math.floor(distance / MINUTE)} min`);
  if (distance < DAY) return say(plural(Math.floor(distance / HOUR), "hour"));
  const days = Math.abs(utc ? utcCalendarDays(date, now) : differenceInCalendarDays(date, now));
  if (days <= 31) return days === 1 ? (diff < 0 ? "yesterday" : "tomorrow") : say(plural(days, "day"));
  return utc ? utcDate.format(date) : format(date, "MMM d, yyyy");
}
