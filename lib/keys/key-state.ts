import type { VerifyCode } from "../api/schemas/keys";
import { intersectScopes, isRole, roleCeiling } from "../auth/scopes";
import type { Db } from "../db/client";
import type { Membership } from "../workspaces/lookup";
import type { KeyCheck } from "./authenticate";
import { type ParsedRange, parseRanges } from "./ip-allowlist";

/**
 * Everything verification needs to know about one key, loaded in one go so it can be
 * cached: the key's own settings plus its creator's current memberships (one workspace
 * for a workspace key, all of them for a personal key).
 */
export interface KeyState {
  id: string;
  kind: "workspace" | "personal";
  name: string;
  creatorId: string;
  creatorName: string;
  environment: "live" | "test";
  /** Epoch milliseconds, or null for a key that never expires. */
  expiresAt: number | null;
  revoked: boolean;
  enabled: boolean;
  ipAllowlist: ParsedRange[];
  scopes: string[];
  rateLimit: { max: number; windowMs: number } | null;
  memberships: KeyMembership[];
  /** The key's own workspace (null for personal keys), even when its creator left it. */
  workspaceId: string | null;
  /** Refusals computed from this state, built on first use (lib/keys/authenticate.ts). */
  checks: Partial<Record<VerifyCode, KeyCheck>>;
  /**
   * The VALID check of a key that nothing but time can refuse (no allowlist, no request
   * limit, one membership), set on its first acceptance; valid while now < plainUntil.
   */
  plainAcceptance: KeyCheck | null;
  /** Epoch ms: the key's expiry, or Infinity. */
  plainUntil: number;
}

/** A creator's membership with the key's effective scopes there, computed once at load. */
export interface KeyMembership extends Membership {
  /** Key scopes ∩ the role's ceiling (the whole ceiling for a personal key). */
  scopes: string[];
  /** The VALID check for this membership, built on first use. */
  accepted?: KeyCheck;
}

interface KeyStateRow {
  id: string;
  kind: string;
  name: string;
  workspaceId: string | null;
  environment: string;
  expiresAt: Date | null;
  revokedAt: Date | null;
  enabled: boolean;
  ipAllowlist: string[];
  scopes: string[];
  rateLimitMax: number | null;
  rateLimitWindowMs: number | null;
  creatorId: string;
  creatorName: string;
  role: string | null;
  orgId: string | null;
  orgSlug: string | null;
  orgName: string | null;
  orgKeyPrefix: string | null;
  orgAllowKeyMinting: boolean | null;
  orgCustomScopes: string[] | null;
}

/**
 * One statement (one row per membership that matters: the key's workspace, or every
 * workspace for a personal key). A cache miss, and every verification right after another
 * instance's change, waits on this read: one round trip instead of Prisma's four.
 */
async function readKeyState(db: Db, hash: string) {
  const rows = await db.$queryRaw<KeyStateRow[]>`SELECT k."id", k."kind", k."name", k."workspaceId",
      k."environment", k."expiresAt", k."revokedAt", k."enabled", k."ipAllowlist", k."scopes",
      k."rateLimitMax", k."rateLimitWindowMs", u."id" AS "creatorId", u."name" AS "creatorName",
      m."role", o."id" AS "orgId", o."slug" AS "orgSlug", o."name" AS "orgName",
      o."keyPrefix" AS "orgKeyPrefix", o."allowKeyMinting" AS "orgAllowKeyMinting",
      o."customScopes" AS "orgCustomScopes"
    FROM "api_key" k
    JOIN "user" u ON u."id" = k."createdById"
    LEFT JOIN "member" m ON m."userId" = u."id" AND (k."kind" = 'personal' OR m."organizationId" = k."workspaceId")
    LEFT JOIN "organization" o ON o."id" = m."organizationId"
    WHERE k."hash" = ${hash}
    ORDER BY m."createdAt"`;
  const [first] = rows;
  if (!first) return null;
  const members = rows.flatMap((row) =>
    row.role !== null && row.orgId !== null
      ? [
          {
            role: row.role,
            organization: {
              id: row.orgId,
              slug: row.orgSlug ?? "",
              name: row.orgName ?? "",
              keyPrefix: row.orgKeyPrefix ?? "",
              allowKeyMinting: row.orgAllowKeyMinting ?? false,
              customScopes: row.orgCustomScopes ?? [],
            },
          },
        ]
      : [],
  );
  return { ...first, createdBy: { id: first.creatorId, name: first.creatorName, members } };
}

export async function loadKeyState(db: Db, hash: string): Promise<KeyState | null> {
  const key = await readKeyState(db, hash);
  if (!key) return null;
  const memberships = key.createdBy.members.flatMap((m): KeyMembership[] => {
    if (!isRole(m.role) || (key.kind !== "personal" && m.organization.id !== key.workspaceId)) return [];
    const ceiling = roleCeiling(m.role, m.organization.customScopes);
    const scopes = key.kind === "personal" ? ceiling : intersectScopes(key.scopes, ceiling);
    return [{ role: m.role, workspace: m.organization, scopes }];
  });
  return {
    id: key.id,
    kind: key.kind === "personal" ? "personal" : "workspace",
    name: key.name,
    creatorId: key.createdBy.id,
    creatorName: key.createdBy.name,
    environment: key.environment === "test" ? "test" : "live",
    expiresAt: key.expiresAt?.getTime() ?? null,
    revoked: key.revokedAt !== null,
    enabled: key.enabled,
    ipAllowlist: parseRanges(key.ipAllowlist),
    scopes: key.scopes,
    rateLimit:
      key.rateLimitMax && key.rateLimitWindowMs ? { max: key.rateLimitMax, windowMs: key.rateLimitWindowMs } : null,
    memberships,
    workspaceId: key.workspaceId,
    checks: {},
    plainAcceptance: null,
    plainUntil: 0,
  };
}
