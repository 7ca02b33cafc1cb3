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
  // Each step on its own: a mail server or a statement failing does not hold up the others.
  const failures: unknown[] = [];
  const step = async <T>(run: () => Promise<T>, fallback: T): Promise<T> =>
    run().catch((error: unknown) => {
      failures.push(error);
      return fallback;
    });
  const expiring = await step(() => announceExpiringKeys(db, now), []);
  const expired = await step(() => announceExpiredKeys(db, now), []);
  await step(() => mailExpiryAnnouncements(db, [...expiring, ...expired]), undefined);
  await step(() => disableUnusedKeys(db, now), 0);
  if (failures.length > 0) throw failures[0];
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
