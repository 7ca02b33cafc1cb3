import { ApiError } from "../api/errors";
import { FixedWindowLimiter } from "../verify/rate-limit";

/**
 * Leak reports per client address (server.ts's, lib/auth/client-ip.ts): a scanner reporting
 * what it finds needs a few a minute; a flood from one address is refused while everyone
 * else's reports still go through (no limit across addresses). Held on globalThis like the
 * runtime, so every copy of this module Next bundles counts in the same windows. Off with
 * KEYSMITH_AUTH_RATE_LIMIT=off, as the sign-in and `keysmith login` limits.
 */
export const LEAK_REPORTS_PER_WINDOW = 30;
export const LEAK_REPORT_WINDOW_MS = 60_000;

const LIMITER = Symbol.for("keysmith.leak-report-limiter");
type Holder = typeof globalThis & { [LIMITER]?: FixedWindowLimiter };

export function assertLeakReportAllowed(address: string | null, now: Date): void {
  const holder = globalThis as Holder;
  holder[LIMITER] ??= new FixedWindowLimiter(10_000);
  const waitMs = holder[LIMITER].hit(address ?? "", LEAK_REPORTS_PER_WINDOW, LEAK_REPORT_WINDOW_MS, now.getTime());
  if (waitMs > 0) {
    throw new ApiError("RATE_LIMITED", "Too many leak reports from this address: try again later", undefined, {
      "retry-after": String(Math.ceil(waitMs / 1000)),
    });
  }
}
