import { validationError } from "../api/errors";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The latest expiry a key may have under a maximum lifetime of `maxDays` (null: no limit). */
export function latestExpiry(maxDays: number | null, now: Date): Date | null {
  return maxDays === null ? null : new Date(now.getTime() + maxDays * DAY_MS);
}

/**
 * The workspace's maximum key lifetime: a key created, rotated or given a new expiry must
 * expire within it, counted from now. A key without expiry, or one beyond the limit, is a 400
 * naming `expiresAt` (the CLI and the SDK show its message as it is).
 */
export function assertWithinLifetime(
  maxDays: number | null,
  expiresAt: Date | null,
  now: Date,
  field = "expiresAt",
): void {
  const latest = latestExpiry(maxDays, now);
  if (!latest) return;
  const limit = `This workspace's keys must expire within ${maxDays} day${maxDays === 1 ? "" : "s"}`;
  if (!expiresAt) throw validationError([{ field, message: `${limit}: give an expiry` }]);
  if (expiresAt.getTime() > latest.getTime()) {
    throw validationError([{ field, message: `${limit} (by ${latest.toISOString()}): choose an earlier expiry` }]);
  }
}
