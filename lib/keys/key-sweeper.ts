import type { Db } from "../db/client";
import { announceExpiredKeys, announceExpiringKeys } from "./expiry-announcer";
import { mailExpiryAnnouncements } from "./expiry-mail";
import { disableUnusedKeys } from "./unused-key-sweeper";

/**
 * One sweep of the keys' lifecycle: warnings before expiry, expiry, and the "disable unused
 * keys" policy. Each step is one statement that claims its rows with SKIP LOCKED, so any number
 * of instances may sweep the same database at once and each event is recorded (and mailed) once.
 */
export async function sweepKeys(db: Db, now: Date): Promise<void> {
  const expiring = await announceExpiringKeys(db, now);
  const expired = await announceExpiredKeys(db, now);
  await mailExpiryAnnouncements(db, [...expiring, ...expired]);
  await disableUnusedKeys(db, now);
}

/** Sweeps every `intervalMs`; a failed sweep is retried at the next one. */
export function startKeySweeper(db: Db, now: () => Date, intervalMs: number): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweepKeys(db, now())
      .catch((error: Error) => console.error("[keysmith] could not sweep the keys:", error.message))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
