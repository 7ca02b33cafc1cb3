import { recordAudit } from "../audit/record";
import type { Db } from "../db/client";
import { auditRecorded, publishChange } from "../events/changes";

/** Keys announced per sweep at most; a backlog is worked through a batch per sweep. */
const BATCH = 100;

interface ExpiredRow {
  id: string;
  workspaceId: string | null;
  name: string;
  kind: string;
}

/**
 * Records `key.expired` for each key whose expiry has passed, once, whatever the number of
 * instances: the UPDATE that claims a key (row locks, SKIP LOCKED) commits its audit event in
 * the same transaction, and the event stream carries it from there. The key itself acts: no one
 * did it.
 */
export async function announceExpiredKeys(db: Db, now: Date): Promise<number> {
  const events = await db.$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<ExpiredRow[]>`UPDATE "api_key" SET "expiryAnnouncedAt" = ${now}
      WHERE "id" IN (
        SELECT "id" FROM "api_key"
        WHERE "expiryAnnouncedAt" IS NULL AND "expiresAt" IS NOT NULL AND "expiresAt" <= ${now}
          AND "revokedAt" IS NULL
        ORDER BY "expiresAt" LIMIT ${BATCH}
        FOR UPDATE SKIP LOCKED)
      RETURNING "id", "workspaceId", "name", "kind"`;
    return Promise.all(
      claimed.map((key) =>
        recordAudit(
          tx,
          { type: "key", id: key.id, label: key.name, ip: null, userAgent: null },
          {
            workspaceId: key.workspaceId,
            action: "key.expired",
            targetType: "key",
            targetId: key.id,
            metadata: { name: key.name, ...(key.kind === "personal" ? { personal: true } : {}) },
          },
        ),
      ),
    );
  });
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
