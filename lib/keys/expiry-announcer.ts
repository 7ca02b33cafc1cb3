import type { Db } from "../db/client";
import { auditRecorded, publishChange } from "../events/changes";
import { newId } from "../ids";

/** Keys announced per sweep at most; a backlog is worked through a batch per sweep. */
const BATCH = 100;

/**
 * Records `key.expired` for each key whose expiry has passed, once, whatever the number of
 * instances: one statement claims the keys (row locks, SKIP LOCKED) and writes their audit
 * events, and the event stream carries them from there. One statement, not a transaction: a
 * sweep is a single write, with no BEGIN or COMMIT beside it. The key itself acts: no one did
 * it. A rotated key's end is its rotation's (key.rotated says when its grace ends): not
 * announced again.
 */
export async function announceExpiredKeys(db: Db, now: Date): Promise<number> {
  const ids = Array.from({ length: BATCH }, () => newId("evt"));
  const events = await db.$queryRaw<{ id: string; workspaceId: string | null }[]>`WITH claimed AS (
      UPDATE "api_key" SET "expiryAnnouncedAt" = ${now}
      WHERE "id" IN (
        SELECT "id" FROM "api_key"
        WHERE "expiryAnnouncedAt" IS NULL AND "expiresAt" IS NOT NULL AND "expiresAt" <= ${now}
          AND "revokedAt" IS NULL AND "rotatedAt" IS NULL
        ORDER BY "expiresAt" LIMIT ${BATCH}
        FOR UPDATE SKIP LOCKED)
      RETURNING "id", "workspaceId", "name", "kind", "expiresAt"),
    numbered AS (SELECT *, row_number() OVER (ORDER BY "expiresAt", "id") AS n FROM claimed)
    INSERT INTO "audit_event" ("id", "workspaceId", "actorType", "actorId", "actorLabel", "action",
      "targetType", "targetId", "metadata")
    SELECT (${ids}::text[])[n], "workspaceId", 'key', "id", "name", 'key.expired', 'key', "id",
      CASE WHEN "kind" = 'personal' THEN jsonb_build_object('name', "name", 'personal', true)
        ELSE jsonb_build_object('name', "name") END
    FROM numbered ORDER BY n
    RETURNING "id", "workspaceId"`;
  publishChange(...auditRecorded(...events));
  return events.length;
}

/** Sweeps every `intervalMs`; a failed sweep is retried at the next one. */
export function startExpiryAnnouncer(db: Db, now: () => Date, intervalMs: number): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    announceExpiredKeys(db, now())
      .catch((error: Error) => console.error("[keysmith] could not announce expired keys:", error.message))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
