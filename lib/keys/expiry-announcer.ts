import type { Db } from "../db/client";
import { auditRecorded, publishChange } from "../events/changes";
import { newId } from "../ids";

/** Keys announced per sweep at most; a backlog is worked through a batch per sweep. */
const BATCH = 100;
const DAY_MS = 24 * 60 * 60 * 1000;

/** key.expiring is recorded this many days before a key expires, once each (the larger first). */
export const EXPIRY_WARNING_DAYS = [7, 1] as const;

/** An announcement the sweep recorded: what the expiry mails are written from. */
export interface ExpiryAnnouncement {
  id: string;
  workspaceId: string | null;
  keyId: string;
  action: "key.expiring" | "key.expired";
  expiresAt: Date;
  /** For key.expiring: whole days left, rounded up (7 or less; 1 on the last day). */
  daysLeft: number | null;
}

interface AnnouncedRow {
  id: string;
  workspaceId: string | null;
  targetId: string;
  expiresAt: Date;
  daysLeft: number | null;
}

/**
 * Records `key.expired` for each key whose expiry has passed, once, whatever the number of
 * instances: one statement claims the keys (row locks, SKIP LOCKED) and writes their audit
 * events, and the event stream carries them from there. One statement, not a transaction: a
 * sweep is a single write, with no BEGIN or COMMIT beside it. The key itself acts: no one did
 * it. A rotated key's end is its rotation's (key.rotated says when its grace ends): not
 * announced again.
 */
export async function announceExpiredKeys(db: Db, now: Date): Promise<ExpiryAnnouncement[]> {
  const ids = Array.from({ length: BATCH }, () => newId("evt"));
  const rows = await db.$queryRaw<AnnouncedRow[]>`WITH claimed AS (
      UPDATE "api_key" SET "expiryAnnouncedAt" = ${now}
      WHERE "id" IN (
        SELECT "id" FROM "api_key"
        WHERE "expiryAnnouncedAt" IS NULL AND "expiresAt" IS NOT NULL AND "expiresAt" <= ${now}
          AND "revokedAt" IS NULL AND "rotatedAt" IS NULL
        ORDER BY "expiresAt" LIMIT ${BATCH}
        FOR UPDATE SKIP LOCKED)
      RETURNING "id", "workspaceId", "name", "kind", "expiresAt"),
    numbered AS (SELECT *, row_number() OVER (ORDER BY "expiresAt", "id") AS n FROM claimed),
    recorded AS (
      INSERT INTO "audit_event" ("id", "workspaceId", "actorType", "actorId", "actorLabel", "action",
        "targetType", "targetId", "metadata")
      SELECT (${ids}::text[])[n], "workspaceId", 'key', "id", "name", 'key.expired', 'key', "id",
        CASE WHEN "kind" = 'personal' THEN jsonb_build_object('name', "name", 'personal', true)
          ELSE jsonb_build_object('name', "name") END
      FROM numbered ORDER BY n
      RETURNING "id", "workspaceId", "targetId")
    SELECT r."id", r."workspaceId", r."targetId", c."expiresAt", NULL::int AS "daysLeft"
    FROM recorded r JOIN claimed c ON c."id" = r."targetId"`;
  return announced(rows, "key.expired");
}

/**
 * Records `key.expiring` 7 days and 1 day before a key expires, each once, with the same
 * claim-and-record statement as announceExpiredKeys. `expiryWarnedDays` keeps the last warning
 * given: a key inside its last day that missed the 7-day warning (a sweep down for days) gets
 * only the 1-day one. A key created already past a threshold is not warned at it (whoever made a
 * key for 3 days knows; one for an hour gets no warning at all). Revoked, rotated and disabled
 * keys are not warned about: nothing is going to stop working because of their expiry.
 */
export async function announceExpiringKeys(db: Db, now: Date): Promise<ExpiryAnnouncement[]> {
  const ids = Array.from({ length: BATCH }, () => newId("evt"));
  const [week, day] = EXPIRY_WARNING_DAYS.map((days) => new Date(now.getTime() + days * DAY_MS));
  const rows = await db.$queryRaw<AnnouncedRow[]>`WITH claimed AS (
      UPDATE "api_key" SET "expiryWarnedDays" = CASE WHEN "expiresAt" <= ${day} THEN 1 ELSE 7 END
      WHERE "id" IN (
        SELECT "id" FROM "api_key"
        WHERE "expiresAt" > ${now} AND "expiresAt" <= ${week}
          AND ("expiryWarnedDays" IS NULL OR ("expiryWarnedDays" > 1 AND "expiresAt" <= ${day}))
          AND "createdAt" <= "expiresAt" - make_interval(days => CASE WHEN "expiresAt" <= ${day} THEN 1 ELSE 7 END)
          AND "revokedAt" IS NULL AND "rotatedAt" IS NULL AND "enabled"
        ORDER BY "expiresAt" LIMIT ${BATCH}
        FOR UPDATE SKIP LOCKED)
      RETURNING "id", "workspaceId", "name", "kind", "expiresAt",
        CEIL((EXTRACT(EPOCH FROM "expiresAt") * 1000 - ${now.getTime()}::float8) / ${DAY_MS}::float8)::int AS "daysLeft"),
    numbered AS (SELECT *, row_number() OVER (ORDER BY "expiresAt", "id") AS n FROM claimed),
    recorded AS (
      INSERT INTO "audit_event" ("id", "workspaceId", "actorType", "actorId", "actorLabel", "action",
        "targetType", "targetId", "metadata")
      SELECT (${ids}::text[])[n], "workspaceId", 'key', "id", "name", 'key.expiring', 'key', "id",
        jsonb_build_object('name', "name", 'daysLeft', "daysLeft",
          'expiresAt', to_char("expiresAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
          || CASE WHEN "kind" = 'personal' THEN jsonb_build_object('personal', true) ELSE '{}'::jsonb END
      FROM numbered ORDER BY n
      RETURNING "id", "workspaceId", "targetId")
    SELECT r."id", r."workspaceId", r."targetId", c."expiresAt", c."daysLeft"
    FROM recorded r JOIN claimed c ON c."id" = r."targetId"`;
  return announced(rows, "key.expiring");
}

function announced(rows: AnnouncedRow[], action: ExpiryAnnouncement["action"]): ExpiryAnnouncement[] {
  publishChange(...auditRecorded(...rows));
  return rows.map((row) => ({
    id: row.id,
    workspaceId: row.workspaceId,
    keyId: row.targetId,
    action,
    expiresAt: row.expiresAt,
    daysLeft: row.daysLeft,
  }));
}
