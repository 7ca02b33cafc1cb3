import { assertWithinLimit, type RequestLimit } from "../http/request-limit";

/**
 * Leak reports per client address (server.ts's, lib/auth/client-ip.ts): a scanner reporting
 * what it finds needs a few a minute; a flood from one address is refused while everyone
 * else's reports still go through (no limit across addresses). Off with
 * KEYSMITH_AUTH_RATE_LIMIT=off, as the sign-in and `keysmith login` limits.
 */
export const LEAK_REPORTS_PER_WINDOW = 30;
export const LEAK_REPORT_WINDOW_MS = 60_000;

const LEAK_REPORT_LIMIT: RequestLimit = {
  name: "leak-report-limiter",
  perWindow: LEAK_REPORTS_PER_WINDOW,
  windowMs: LEAK_REPORT_WINDOW_MS,
  refusal: "Too many leak reports from this address: try again later",
};

export function assertLeakReportAllowed(address: string | null, now: Date): void {
  assertWithinLimit(LEAK_REPORT_LIMIT, address ?? "", now);
}
