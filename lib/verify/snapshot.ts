import { decodeCursor, encodeCursor } from "../api/cursor";
import type { Snapshot, SnapshotQuery } from "../api/schemas/verify-snapshot";
import type { Db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { readKeyStates } from "../keys/key-state-query";
import { snapshotEntry } from "./snapshot-entry";

/**
 * GET /api/v1/keys/verify/snapshot: what an in-process verifier of `workspaceId` needs, a
 * page of keys at a time, in key-id order. The keys a verifier of W may see are W's own keys
 * the personal keys of W's members, and the organization keys of W's organization (evaluate.ts answers NOT_FOUND for the rest).
 *
 * The workspace's newest audit event is read BEFORE the keys: every change recorded up to it
 * is in the page, and a verifier that resumes the event stream after it may see a change
 * twice (harmless: applying one is idempotent) but never misses one.
 */
export async function readSnapshot(db: Db, workspaceId: string, query: SnapshotQuery): Promise<Snapshot> {
  const eventId = await newestEventId(db, workspaceId);
  const importedKeys = await hasImportedKeys(db, workspaceId);
  const after = query.cursor ? decodeCursor(query.cursor, "text").id : null;
  const rows = await db.$queryRaw<{ id: string; hash: string }[]>`SELECT k."id", k."hash" FROM "api_key" k
    WHERE (k."workspaceId" = ${workspaceId}
        OR (k."kind" = 'personal' AND k."createdById" IN
          (SELECT "userId" FROM "member" WHERE "organizationId" = ${workspaceId}))
        OR (k."kind" = 'organization' AND k."orgId" =
          (SELECT "orgId" FROM "organization" WHERE "id" = ${workspaceId})))
      ${query.keyId === undefined ? Prisma.empty : Prisma.sql`AND k."id" = ${query.keyId}`}
      ${after === null ? Prisma.empty : Prisma.sql`AND k."id" > ${after}`}
    ORDER BY k."id" LIMIT ${query.limit + 1}`;
  const page = rows.slice(0, query.limit);
  const states =
    page.length === 0
      ? new Map()
      : await readKeyStates(
          db,
          page.map((row) => row.hash),
        );
  const keys = page.flatMap((row) => {
    const state = states.get(row.hash);
    const entry = state ? snapshotEntry(row.hash, state, workspaceId) : null;
    return entry ? [entry] : [];
  });
  const last = page.at(-1);
  const nextCursor = rows.length > query.limit && last ? encodeCursor({ value: last.id, id: last.id }) : null;
  return { workspaceId, eventId, importedKeys, keys, nextCursor };
}

async function newestEventId(db: Db, workspaceId: string): Promise<string | null> {
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT "id" FROM "audit_event"
    WHERE "workspaceId" = ${workspaceId} ORDER BY "createdAt" DESC, "id" DESC LIMIT 1`;
  return rows[0]?.id ?? null;
}

async function hasImportedKeys(db: Db, workspaceId: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ found: boolean }[]>`SELECT EXISTS (SELECT 1 FROM "api_key"
    WHERE "importedAt" IS NOT NULL AND "workspaceId" = ${workspaceId}) AS "found"`;
  return rows[0]?.found === true;
}
