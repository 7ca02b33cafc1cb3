import { FixedWindowLimiter } from "../verify/rate-limit";

/**
 * Password-reset requests, per address and per email. Each one that names an account sends
 * a mail, so this stays on even where better-auth's own limiter is off (KEYSMITH_AUTH_RATE_LIMIT
 * is for test suites signing up many users, not for filling someone's inbox). Per instance, held
 * on globalThis so that every copy of this module Next bundles counts in the same windows.
 */
export const RESET_REQUESTS_PER_EMAIL = 5;
export const RESET_REQUESTS_PER_ADDRESS = 20;
export const RESET_WINDOW_MS = 15 * 60_000;

const LIMITER = Symbol.for("keysmith.password-reset-limiter");
type Holder = typeof globalThis & { [LIMITER]?: FixedWindowLimiter };

/** Counts one request; returns how long to wait (ms) when it is over either limit, else 0. */
export function passwordResetWait(address: string | null, email: string, now: number): number {
  const holder = globalThis as Holder;
  holder[LIMITER] ??= new FixedWindowLimiter(10_000);
  const byAddress = holder[LIMITER].hit(`ip:${address ?? ""}`, RESET_REQUESTS_PER_ADDRESS, RESET_WINDOW_MS, now);
  const byEmail = holder[LIMITER].hit(
    `email:${email.trim().toLowerCase()}`,
    RESET_REQUESTS_PER_EMAIL,
    RESET_WINDOW_MS,
    now,
  );
  return Math.max(byAddress, byEmail);
}
