import type { Cursor } from "../api/cursor";
import type { ListKeysQuery } from "../api/schemas/keys";
import { Prisma } from "../generated/prisma/client";
import { EXPIRING_SOON_MS, type KeyStatus } from "./expiry";

/**
 * The key list as one SQL statement (the key and its creator in one join). Measured with
 * 100,000 keys in a workspace (bench/list): Prisma's findMany + include cost two round
 * trips and ~0.1 ms of row mapping per key, several times the query itself, so the page is
 * read with $queryRaw. Every value is a bound parameter; identifiers come from fixed lists.
 * Indexes serving it: (workspaceId, createdAt DESC, id DESC), (workspaceId, name, id),
 * and a trigram index on name for search (migration 20261123100000_key_list_indexes).
 */
const COLUMNS = Prisma.raw(
  [
    "id",
    "kind",
    "workspaceId",
    "orgId",
    "name",
    "description",
    "maskedKey",
    "environment",
    "scopes",
    "ipAllowlist",
    "enabled",
    "expiresAt",
    "expiryWindowMs",
    "createdAt",
    "createdById",
    "revokedAt",
    "rotatedAt",
    "replacedById",
    "rateLimitMax",
    "rateLimitWindowMs",
    "lastUsedAt",
    "lastUsedIp",
    "lastUsedUserAgent",
  ]
    .map((column) => `k."${column}"`)
    .join(", "),
);

const SORT_COLUMN = { createdAt: Prisma.raw(`k."createdAt"`), name: Prisma.raw(`k."name"`) } as const;

/** The SQL condition for each status, mirroring keyStatus() in expiry.ts. */
export function statusCondition(status: KeyStatus, now: Date): Prisma.Sql {
  const soon = new Date(now.getTime() + EXPIRING_SOON_MS);
  switch (status) {
    case "revoked":
      return Prisma.sql`k."revokedAt" IS NOT NULL`;
    case "expired":
      return Prisma.sql`(k."revokedAt" IS NULL AND k."rotatedAt" IS NULL AND k."expiresAt" <= ${now})`;
    case "rotated":
      return Prisma.sql`(k."revokedAt" IS NULL AND k."rotatedAt" IS NOT NULL AND k."expiresAt" <= ${now})`;
    case "in_grace":
      return Prisma.sql`(k."revokedAt" IS NULL AND k."rotatedAt" IS NOT NULL AND k."expiresAt" > ${now})`;
    case "expiring_soon":
      return Prisma.sql`(k."revokedAt" IS NULL AND k."rotatedAt" IS NULL AND k."expiresAt" > ${now} AND k."expiresAt" <= ${soon})`;
    case "active":
      return Prisma.sql`(k."revokedAt" IS NULL AND k."rotatedAt" IS NULL AND (k."expiresAt" IS NULL OR k."expiresAt" > ${soon}))`;
  }
}

/** `%term%` for ILIKE, with the term's own % _ and \ matched literally. */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Keyset pagination on (sort column, id): deep pages cost the same as the first. Walking
 * backwards (`before`) reads the same index in the opposite order from the cursor; the
 * caller puts the rows back in the requested order.
 */
export function keyListQuery(
  workspace: { id: string; orgId: string },
  query: ListKeysQuery,
  cursor: Cursor | null,
  now: Date,
  limit: number,
  walk: "after" | "before" = "after",
): Prisma.Sql {
  const order = walk === "after" ? query.order : query.order === "desc" ? "asc" : "desc";
  const and: Prisma.Sql[] = [];
  if (query.environment) and.push(Prisma.sql`k."environment" = ${query.environment}`);
  if (query.creator) and.push(Prisma.sql`k."createdById" = ${query.creator}`);
  if (query.search) and.push(Prisma.sql`k."name" ILIKE ${containsPattern(query.search)} ESCAPE '\\'`);
  if (query.status?.length) {
    and.push(
      Prisma.sql`(${Prisma.join(
        query.status.map((status) => statusCondition(status, now)),
        " OR ",
      )})`,
    );
  }
  const sort = SORT_COLUMN[query.sort];
  const direction = Prisma.raw(order === "desc" ? "DESC" : "ASC");
  if (cursor) {
    const value = query.sort === "createdAt" ? new Date(cursor.value) : cursor.value;
    const beyond = Prisma.raw(order === "desc" ? "<" : ">");
    // A row comparison, which the (workspaceId, sort column, id) index answers directly.
    and.push(Prisma.sql`(${sort}, k."id") ${beyond} (${value}, ${cursor.id})`);
  }
  const ordered = Prisma.sql`ORDER BY ${sort} ${direction}, k."id" ${direction} LIMIT ${limit}`;
  const select = (
    owner: Prisma.Sql,
  ) => Prisma.sql`(SELECT ${COLUMNS}, u."name" AS "creatorName", u."email" AS "creatorEmail"
    FROM "api_key" k JOIN "user" u ON u."id" = k."createdById"
    WHERE ${Prisma.join([owner, ...and], " AND ")}
    ${ordered})`;
  // The workspace's own keys and its organization's keys, each read in index order and limited
  // on its own (an OR of the two would give up the workspace index), then merged.
  return Prisma.sql`SELECT * FROM (
    ${select(Prisma.sql`k."workspaceId" = ${workspace.id} AND k."kind" = 'workspace'`)}
    UNION ALL
    ${select(Prisma.sql`k."orgId" = ${workspace.orgId} AND k."kind" = 'organization'`)}
  ) k ${ordered}`;
}
