import type { HygieneReport } from "../api/schemas/hygiene";
import type { Db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { HYGIENE_FINDINGS, type HygieneFinding } from "./hygiene-findings";
import type { KeyOwner } from "./key-owner";
import { type KeyListRow, toKeyView } from "./serialize";

const DAY_MS = 24 * 60 * 60 * 1000;
/** The list shows this many keys at most, stalest first; counts cover them all. */
export const HYGIENE_LIMIT = 500;

/**
 * Each finding as a SQL condition on `k` (the key): never used, not used for 30 or 90 days (a
 * key used 100 days ago has both), no expiry, or created by someone no longer a member here.
 */
function findingCondition(finding: HygieneFinding, now: Date): Prisma.Sql {
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
  switch (finding) {
    case "never_used":
      return Prisma.sql`k."lastUsedAt" IS NULL`;
    case "unused_30d":
      return Prisma.sql`k."lastUsedAt" <= ${ago(30)}`;
    case "unused_90d":
      return Prisma.sql`k."lastUsedAt" <= ${ago(90)}`;
    case "never_expires":
      return Prisma.sql`k."expiresAt" IS NULL`;
    // Gone: neither a member of the workspace nor an owner or admin of its organization (who act in it).
    case "creator_left":
      return Prisma.sql`(NOT EXISTS (SELECT 1 FROM "member" m WHERE m."organizationId" = k."workspaceId" AND m."userId" = k."createdById")
        AND NOT EXISTS (SELECT 1 FROM "org_member" om JOIN "organization" o ON o."orgId" = om."orgId"
          WHERE o."id" = k."workspaceId" AND om."userId" = k."createdById" AND om."role" IN ('owner', 'admin')))`;
  }
}

type Flags = { [F in HygieneFinding as `f_${F}`]: boolean };
type Row = KeyListRow & Flags & { creatorName: string; creatorEmail: string; total: number };

/**
 * The workspace's keys worth a second look: its own keys that still work or could again (not
 * revoked, rotated or expired; disabled ones included, they may be revoked for good), with at
 * least one finding, those idle longest first. Organization keys belong to no single workspace.
 */
export async function hygieneReport(
  db: Db,
  workspace: KeyOwner,
  now: Date,
  only: HygieneFinding | undefined,
): Promise<HygieneReport> {
  const conditions = HYGIENE_FINDINGS.map((finding) => findingCondition(finding, now));
  const flags = Prisma.join(
    HYGIENE_FINDINGS.map((finding, i) => Prisma.sql`(${conditions[i]}) AS ${Prisma.raw(`"f_${finding}"`)}`),
  );
  const anyFinding = Prisma.sql`(${Prisma.join(conditions, " OR ")})`;
  const base = Prisma.sql`FROM "api_key" k JOIN "user" u ON u."id" = k."createdById"
    WHERE k."workspaceId" = ${workspace.id} AND k."kind" = 'workspace'
      AND k."revokedAt" IS NULL AND k."rotatedAt" IS NULL AND (k."expiresAt" IS NULL OR k."expiresAt" > ${now})`;
  const wanted = only ? findingCondition(only, now) : anyFinding;
  const [rows, countRows] = await Promise.all([
    db.$queryRaw<Row[]>`SELECT k.*, u."name" AS "creatorName", u."email" AS "creatorEmail", ${flags},
        count(*) OVER ()::int AS "total"
      ${base} AND ${wanted}
      ORDER BY COALESCE(k."lastUsedAt", k."createdAt") ASC, k."id" ASC LIMIT ${HYGIENE_LIMIT}`,
    db.$queryRaw<Record<string, number>[]>`SELECT ${Prisma.join(
      HYGIENE_FINDINGS.map(
        (finding, i) => Prisma.sql`count(*) FILTER (WHERE ${conditions[i]})::int AS ${Prisma.raw(`"${finding}"`)}`,
      ),
    )} ${base}`,
  ]);
  const counts = Object.fromEntries(HYGIENE_FINDINGS.map((f) => [f, countRows[0]?.[f] ?? 0])) as Record<
    HygieneFinding,
    number
  >;
  return {
    data: rows.map((row) => ({
      ...toKeyView({ ...row, createdBy: { id: row.createdById, name: row.creatorName, email: row.creatorEmail } }, now),
      findings: HYGIENE_FINDINGS.filter((finding) => row[`f_${finding}`]),
    })),
    counts,
    truncated: (rows[0]?.total ?? 0) > rows.length,
  };
}
