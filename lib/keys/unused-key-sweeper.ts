import type { Db } from "../db/client";
import { auditRecorded, type Change, publishChange } from "../events/changes";
import { newId } from "../ids";

const BATCH = 100;

/**
 * Disables the keys of workspaces with the "disable unused keys" policy that nobody used for its
 * number of days (a key never used counts from its creation; one switched back on by hand from
 * then, or the next sweep would switch it off again), with one `key.updated` event per key, in
 * one statement that claims the keys with SKIP LOCKED: on several instances each key is
 * disabled and recorded once. Like key.expired, the key itself is the actor: no one did it.
 * Only workspace keys: organization and personal keys belong to no single workspace's policy.
 * Revoked, rotated and expired keys are left as they are (they already refuse every request).
 */
export async function disableUnusedKeys(db: Db, now: Date): Promise<number> {
  const ids = Array.from({ length: BATCH }, () => newId("evt"));
  const events = await db.$queryRaw<{ id: string; workspaceId: string | null; targetId: string }[]>`WITH due AS (
      SELECT k."id", o."disableUnusedKeysAfterDays" AS "days"
      FROM "organization" o
      CROSS JOIN LATERAL (
        SELECT k."id" FROM "api_key" k
        WHERE k."workspaceId" = o."id" AND k."kind" = 'workspace' AND k."enabled"
          AND k."revokedAt" IS NULL AND k."rotatedAt" IS NULL AND (k."expiresAt" IS NULL OR k."expiresAt" > ${now})
          AND GREATEST(k."lastUsedAt", k."reenabledAt", k."createdAt") + make_interval(days => o."disableUnusedKeysAfterDays") <= ${now}
        ORDER BY k."id" LIMIT ${BATCH}
        FOR UPDATE OF k SKIP LOCKED) k
      -- Only the workspaces with the policy are read: the sweep runs every few seconds.
      WHERE o."disableUnusedKeysAfterDays" IS NOT NULL
      ORDER BY k."id" LIMIT ${BATCH}),
    claimed AS (
      UPDATE "api_key" k SET "enabled" = false FROM due
      WHERE k."id" = due."id"
      RETURNING k."id", k."workspaceId", k."name", k."lastUsedAt", due."days"),
    numbered AS (SELECT *, row_number() OVER (ORDER BY "id") AS n FROM claimed)
    INSERT INTO "audit_event" ("id", "workspaceId", "actorType", "actorId", "actorLabel", "action",
      "targetType", "targetId", "metadata")
    SELECT (${ids}::text[])[n], "workspaceId", 'key', "id", "name", 'key.updated', 'key', "id",
      jsonb_build_object('name', "name", 'changed', jsonb_build_array('enabled'), 'enabled', false,
        'reason', 'unused', 'unusedDays', "days", 'neverUsed', "lastUsedAt" IS NULL)
    FROM numbered ORDER BY n
    RETURNING "id", "workspaceId", "targetId"`;
  // The key cache of every instance forgets the keys: they are refused as DISABLED at once.
  const keys: Change[] = events.map((event) => ({ type: "key", keyId: event.targetId }));
  publishChange(...keys, ...auditRecorded(...events));
  return events.length;
}
