import { strongestRole } from "../auth/roles";
import { intersectScopes, isRole, type Role, roleCeiling } from "../auth/scopes";
import type { WorkspaceRef } from "../workspaces/lookup";
import { type ParsedRange, parseRanges } from "./ip-allowlist";
import type { Environment } from "./shape";

/** Where a key acts: its workspace, every workspace of its organization, or its owner's. */
export type KeyKind = "workspace" | "organization" | "personal";

export function toKeyKind(kind: string): KeyKind {
  return kind === "personal" || kind === "organization" ? kind : "workspace";
}

/**
 * Everything the rules need to know about one key (evaluate.ts), as plain data: the key's
 * own settings plus its creator's current memberships (one workspace for a workspace key,
 * all of them for a personal key). Loaded in one go (key-state-query.ts) so that it can be
 * kept in memory; nothing on it changes after it is built.
 */
export interface KeyState {
  id: string;
  kind: KeyKind;
  name: string;
  creatorId: string;
  creatorName: string;
  environment: Environment;
  /** Epoch milliseconds, or null for a key that never expires. */
  expiresAt: number | null;
  revoked: boolean;
  /** Replaced by a rotation: once its grace ends (expiresAt) it answers REVOKED, not EXPIRED. */
  rotated: boolean;
  enabled: boolean;
  ipAllowlist: ParsedRange[];
  scopes: string[];
  rateLimit: { max: number; windowMs: number } | null;
  memberships: KeyMembership[];
  /** The key's own workspace (null for personal and organization keys), even when its creator left it. */
  workspaceId: string | null;
  /** The key's organization: its workspace's, or its own for an organization key (null for a personal key). */
  orgId: string | null;
  /** The key's own workspace requires a verifier key (always false for personal keys). */
  workspaceRequiresVerifier: boolean;
}

/** A creator's membership with the key's effective scopes there, computed once at load. */
export interface KeyMembership {
  role: Role;
  workspace: WorkspaceRef;
  /** The URL name of the workspace's organization (x-organization-id may send it). */
  orgSlug: string;
  /** Key scopes ∩ the role's ceiling (the whole ceiling for a personal key). */
  scopes: string[];
}

/** One row of the key-state query: the key, its creator, and one of the creator's memberships. */
export interface KeyStateRow {
  hash: string;
  id: string;
  kind: string;
  name: string;
  workspaceId: string | null;
  keyOrgId: string | null;
  workspaceRequiresVerifier: boolean | null;
  environment: string;
  expiresAt: Date | null;
  revokedAt: Date | null;
  rotatedAt: Date | null;
  enabled: boolean;
  ipAllowlist: string[];
  scopes: string[];
  rateLimitMax: number | null;
  rateLimitWindowMs: number | null;
  creatorId: string;
  creatorName: string;
  /** The membership (null when the creator has none that counts for this key). */
  role: string | null;
  workspace: WorkspaceRef | null;
  orgSlug: string | null;
}

/** One row per workspace: where a workspace role and an organization role both apply, the stronger. */
function strongestPerWorkspace(rows: readonly KeyStateRow[]): KeyStateRow[] {
  const kept = new Map<string, KeyStateRow>();
  const rest: KeyStateRow[] = [];
  for (const row of rows) {
    const id = row.workspace?.id;
    if (id === undefined || row.role === null || !isRole(row.role)) {
      rest.push(row);
      continue;
    }
    const seen = kept.get(id);
    if (!seen || strongestRole(seen.role as Role, row.role) !== seen.role) kept.set(id, row);
  }
  return [...kept.values(), ...rest];
}

/** Builds a key's state from its rows (all of one key, in membership order). */
export function keyStateFromRows(rows: readonly KeyStateRow[]): KeyState {
  const [key] = rows;
  const kind = toKeyKind(key.kind);
  const memberships = strongestPerWorkspace(rows).flatMap((row): KeyMembership[] => {
    const { role, workspace, orgSlug } = row;
    if (role === null || workspace === null || !isRole(role)) return [];
    if (kind === "workspace" && workspace.id !== key.workspaceId) return [];
    const ceiling = roleCeiling(role, workspace.customScopes);
    const scopes = kind === "personal" ? ceiling : intersectScopes(key.scopes, ceiling);
    return [{ role, workspace, orgSlug: orgSlug ?? "", scopes }];
  });
  return {
    id: key.id,
    kind,
    name: key.name,
    creatorId: key.creatorId,
    creatorName: key.creatorName,
    environment: key.environment,
    expiresAt: key.expiresAt?.getTime() ?? null,
    revoked: key.revokedAt !== null,
    rotated: key.rotatedAt !== null,
    enabled: key.enabled,
    ipAllowlist: parseRanges(key.ipAllowlist),
    scopes: key.scopes,
    rateLimit:
      key.rateLimitMax && key.rateLimitWindowMs ? { max: key.rateLimitMax, windowMs: key.rateLimitWindowMs } : null,
    memberships,
    workspaceId: key.workspaceId,
    orgId: key.keyOrgId,
    workspaceRequiresVerifier: kind === "workspace" && key.workspaceRequiresVerifier === true,
  };
}
