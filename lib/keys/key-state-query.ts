import type { Db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import type { WorkspaceRef } from "../workspaces/lookup";
import { type KeyState, type KeyStateRow, keyStateFromRows } from "./key-state";
import { DEFAULT_ENVIRONMENTS } from "./shape";

/** Hex digits of a key's SHA-256 that the key index keeps (52 bits: a double holds them exactly). */
export const HASH_PREFIX_LENGTH = 13;

interface Row extends Omit<KeyStateRow, "workspace"> {
  orgId: string | null;
  orgOrganizationId: string | null;
  orgOrganizationSlug: string | null;
  orgSlug: string | null;
  orgName: string | null;
  orgKeyPrefix: string | null;
  orgAllowKeyMinting: boolean | null;
  orgRequireVerifierKey: boolean | null;
  orgRequireTwoFactor: boolean | null;
  orgKeyCreation: string | null;
  orgLeakResponse: string | null;
  orgCustomScopes: string[] | null;
  orgEnvironments: string[] | null;
}

/**
 * The states of the keys with these hashes, in one statement (one row per membership that
 * matters: the key's workspace; every workspace of its creator for a personal key; every
 * workspace of the organization, with the creator's organization role, for an organization key). Keys that miss the
 * cache together are read together, so a burst of cold keys costs one round trip.
 */
export function readKeyStates(db: Db, hashes: readonly string[]): Promise<Map<string, KeyState>> {
  return readStates(db, Prisma.sql`k."hash" = ANY(${hashes as string[]}::text[])`);
}

/**
 * The states of the keys most likely to be verified next: live keys used or created since
 * `since`, most recently used first, at most `limit` of them (to warm the cache at start).
 */
export function readRecentKeyStates(db: Db, since: Date, now: Date, limit: number): Promise<Map<string, KeyState>> {
  return readStates(
    db,
    Prisma.sql`k."hash" IN (SELECT "hash" FROM "api_key"
      WHERE "revokedAt" IS NULL AND ("expiresAt" IS NULL OR "expiresAt" > ${now})
        AND ("lastUsedAt" >= ${since} OR "createdAt" >= ${since})
      ORDER BY "lastUsedAt" DESC NULLS LAST LIMIT ${limit})`,
  );
}

async function readStates(db: Db, where: Prisma.Sql): Promise<Map<string, KeyState>> {
  const rows = await db.$queryRaw<Row[]>`SELECT k."hash", k."id", k."kind", k."name", k."workspaceId",
      COALESCE(k."orgId", kw."orgId") AS "keyOrgId", kw."requireVerifierKey" AS "workspaceRequiresVerifier",
      k."environment", k."expiresAt", k."revokedAt", k."rotatedAt", k."enabled", k."ipAllowlist", k."scopes",
      k."rateLimitMax", k."rateLimitWindowMs", u."id" AS "creatorId", u."name" AS "creatorName",
      m."role", o."id" AS "orgId", o."orgId" AS "orgOrganizationId", og."slug" AS "orgOrganizationSlug", o."slug" AS "orgSlug", o."name" AS "orgName",
      o."keyPrefix" AS "orgKeyPrefix", o."allowKeyMinting" AS "orgAllowKeyMinting",
      o."requireVerifierKey" AS "orgRequireVerifierKey", o."requireTwoFactor" AS "orgRequireTwoFactor", o."keyCreation"::text AS "orgKeyCreation", o."leakResponse"::text AS "orgLeakResponse",
      o."customScopes" AS "orgCustomScopes", o."environments" AS "orgEnvironments"
    FROM "api_key" k
    JOIN "user" u ON u."id" = k."createdById"
    LEFT JOIN "organization" kw ON kw."id" = k."workspaceId"
    LEFT JOIN LATERAL (
      SELECT wm."role", wm."organizationId" AS "workspaceId", wm."createdAt" FROM "member" wm
        WHERE wm."userId" = u."id" AND k."kind" <> 'organization'
          AND (k."kind" = 'personal' OR wm."organizationId" = k."workspaceId")
      UNION ALL
      SELECT om."role", w."id", w."createdAt" FROM "org_member" om JOIN "organization" w ON w."orgId" = om."orgId"
        WHERE k."kind" = 'organization' AND om."orgId" = k."orgId" AND om."userId" = u."id"
      UNION ALL
      -- Organization owners and admins act in all its workspaces, members or not (keyStateFromRows
      -- keeps the stronger role where both apply).
      SELECT om."role", w."id", w."createdAt" FROM "org_member" om JOIN "organization" w ON w."orgId" = om."orgId"
        WHERE k."kind" <> 'organization' AND om."userId" = u."id" AND om."role" IN ('owner', 'admin')
          AND (k."kind" = 'personal' OR w."id" = k."workspaceId")
    ) m ON true
    LEFT JOIN "organization" o ON o."id" = m."workspaceId"
    LEFT JOIN "org" og ON og."id" = o."orgId"
    WHERE ${where}
    ORDER BY k."hash", m."createdAt", o."id"`;
  // One object per workspace, however many of its keys are read: they stay cached together.
  const workspaces = new Map<string, WorkspaceRef>();
  const byHash = new Map<string, KeyStateRow[]>();
  for (const row of rows) {
    const list = byHash.get(row.hash) ?? [];
    list.push(toKeyStateRow(row, workspaces));
    byHash.set(row.hash, list);
  }
  const states = new Map<string, KeyState>();
  for (const [hash, keyRows] of byHash) states.set(hash, keyStateFromRows(keyRows));
  return states;
}

/** The hash prefix of every key there is, for the key index. */
export async function readKeyHashPrefixes(db: Db): Promise<string[]> {
  const rows = await db.$queryRaw<{ prefix: string }[]>`SELECT left("hash", ${HASH_PREFIX_LENGTH}) AS "prefix"
    FROM "api_key"`;
  return rows.map((row) => row.prefix);
}

/** The workspaces that hold imported keys (few: an import is a one-off move from another product). */
export async function readImportedWorkspaceIds(db: Db): Promise<string[]> {
  const rows = await db.$queryRaw<{ workspaceId: string }[]>`SELECT DISTINCT "workspaceId" FROM "api_key"
    WHERE "importedAt" IS NOT NULL AND "workspaceId" IS NOT NULL`;
  return rows.map((row) => row.workspaceId);
}

function toKeyStateRow(row: Row, workspaces: Map<string, WorkspaceRef>): KeyStateRow {
  const {
    orgId,
    orgOrganizationId,
    orgOrganizationSlug,
    orgSlug,
    orgName,
    orgKeyPrefix,
    orgAllowKeyMinting,
    orgRequireVerifierKey,
    orgRequireTwoFactor,
    orgKeyCreation,
    orgLeakResponse,
    orgCustomScopes,
    orgEnvironments,
    ...key
  } = row;
  if (orgId === null) return { ...key, workspace: null, orgSlug: null };
  let workspace = workspaces.get(orgId);
  if (!workspace) {
    workspace = {
      id: orgId,
      orgId: orgOrganizationId ?? "",
      slug: orgSlug ?? "",
      name: orgName ?? "",
      keyPrefix: orgKeyPrefix ?? "",
      allowKeyMinting: orgAllowKeyMinting ?? false,
      requireVerifierKey: orgRequireVerifierKey ?? false,
      requireTwoFactor: orgRequireTwoFactor ?? false,
      keyCreation: orgKeyCreation === "admins" ? "admins" : "members",
      leakResponse: orgLeakResponse === "disable" ? "disable" : "revoke",
      customScopes: orgCustomScopes ?? [],
      environments: orgEnvironments ?? [...DEFAULT_ENVIRONMENTS],
    };
    workspaces.set(orgId, workspace);
  }
  return { ...key, workspace, orgSlug: orgOrganizationSlug };
}
