import { ApiError } from "../api/errors";
import { FixedWindowLimiter } from "../verify/rate-limit";

/**
 * Login requests per address: a person needs one, a script hammering the endpoint fills the
 * table. Held on globalThis like the runtime, so that every copy of this module Next bundles
 * counts in the same windows. Off with KEYSMITH_AUTH_RATE_LIMIT=off, as better-auth's sign-in limit.
 */
export const LOGIN_REQUESTS_PER_WINDOW = 10;
export const LOGIN_WINDOW_MS = 10 * 60_000;

const LIMITER = Symbol.for("keysmith.cli-login-limiter");
type Holder = typeof globalThis & { [LIMITER]?: FixedWindowLimiter };

export function assertLoginRequestAllowed(address: string | null, now: Date): void {
  const holder = globalThis as Holder;
  holder[LIMITER] ??= new FixedWindowLimiter(10_000);
  const waitMs = holder[LIMITER].hit(address ?? "", LOGIN_REQUESTS_PER_WINDOW, LOGIN_WINDOW_MS, now.getTime());
  if (waitMs > 0) {
    throw new ApiError("RATE_LIMITED", "Too many login requests from this address: try again later", undefined, {
      "retry-after": String(Math.ceil(waitMs / 1000)),
    });
  }
}
