import { ApiError } from "../api/errors";
import { FixedWindowLimiter } from "../verify/rate-limit";

/** How many requests one caller gets in a window, and what they are told past it. */
export interface RequestLimit {
  /** Names the limiter on globalThis, so every copy of a module Next bundles counts in the same windows. */
  name: string;
  perWindow: number;
  windowMs: number;
  refusal: string;
}

type Holder = typeof globalThis & { [key: symbol]: FixedWindowLimiter | undefined };

function limiterFor(name: string): FixedWindowLimiter {
  const holder = globalThis as Holder;
  const key = Symbol.for(`keysmith.${name}`);
  holder[key] ??= new FixedWindowLimiter(10_000);
  return holder[key];
}

function refused(limit: RequestLimit, waitMs: number): ApiError {
  return new ApiError("RATE_LIMITED", limit.refusal, undefined, { "retry-after": String(Math.ceil(waitMs / 1000)) });
}

/** Counts one request of `caller`; past the limit, 429 with Retry-After. */
export function assertWithinLimit(limit: RequestLimit, caller: string, now: Date): void {
  const waitMs = limiterFor(limit.name).hit(caller, limit.perWindow, limit.windowMs, now.getTime());
  if (waitMs > 0) throw refused(limit, waitMs);
}

/** 429 when `caller` has used up its window already, without counting this request. */
export function assertNotLimited(limit: RequestLimit, caller: string, now: Date): void {
  const waitMs = limiterFor(limit.name).retryAfterMs(caller, limit.perWindow, limit.windowMs, now.getTime());
  if (waitMs > 0) throw refused(limit, waitMs);
}

/** Counts one request of `caller` without refusing it (failures counted after the fact). */
export function countAgainstLimit(limit: RequestLimit, caller: string, now: Date): void {
  limiterFor(limit.name).hit(caller, limit.perWindow, limit.windowMs, now.getTime());
}
