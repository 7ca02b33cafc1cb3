import type { VerifyCode } from "../api/schemas/keys";
import { intersectScopes, isRole, roleCeiling } from "../auth/scopes";
import type { Db } from "../db/client";
import { type Membership, workspaceRefSelect } from "../workspaces/lookup";
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
}

/** A creator's membership with the key's effective scopes there, computed once at load. */
export interface KeyMembership extends Membership {
  /** Key scopes ∩ the role's ceiling (the whole ceiling for a personal key). */
  scopes: string[];
  /** The VALID check for this membership, built on first use. */
  accepted?: KeyCheck;
}

export async function loadKeyState(db: Db, hash: string): Promise<KeyState | null> {
  const key = await db.apiKey.findUnique({
    where: { hash },
    select: {
      id: true,
      kind: true,
      name: true,
      workspaceId: true,
      environment: true,
      expiresAt: true,
      revokedAt: true,
      enabled: true,
      ipAllowlist: true,
      scopes: true,
      rateLimitMax: true,
      rateLimitWindowMs: true,
      createdBy: {
        select: {
          id: true,
          name: true,
          members: { select: { role: true, organization: { select: workspaceRefSelect } } },
        },
      },
    },
  });
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
  };
}
