import type { VerifyCode } from "../api/schemas/keys";
import { intersectScopes, type Role, roleCeiling } from "../auth/scopes";
import type { Db } from "../db/client";
import type { KeyCache } from "../verify/key-cache";
import type { FixedWindowLimiter } from "../verify/rate-limit";
import type { Membership, WorkspaceRef } from "../workspaces/lookup";
import { parseKey } from "./format";
import { hashKey } from "./hash";
import { isIpInRanges } from "./ip-allowlist";
import { type KeyState, loadKeyState } from "./key-state";

/**
 * Whether a presented key is usable right now, shared by the verification endpoint and by
 * API-key authentication of the REST API. A cached key is checked with no database read.
 */
export interface KeyCheck {
  code: VerifyCode;
  keyId: string | null;
  kind: "workspace" | "personal" | null;
  /** The key's creator (the owner, for a personal key). */
  userId: string | null;
  userName: string | null;
  keyName: string | null;
  environment: "live" | "test" | null;
  expiresAt: Date | null;
  workspace: WorkspaceRef | null;
  workspaceId: string | null;
  role: Role | null;
  /** Key scopes ∩ the creator's current role ceiling (a personal key carries the whole ceiling). */
  scopes: string[];
  /** A personal key of a user in several workspaces, with no workspace named. */
  workspaceAmbiguous: boolean;
  /** A personal key asked to act in a workspace its owner is not a member of. */
  workspaceDenied: boolean;
  /** For RATE_LIMITED: when the key may be used again. */
  retryAfterMs: number;
}

export interface KeyLookup {
  db: Db;
  cache: KeyCache;
  /** Per-key request limits (a key's own rateLimit setting). */
  keyLimiter: FixedWindowLimiter;
  /** Counts cache hits and misses, for /api/metrics. */
  onLookup?: (hit: boolean) => void;
}

export interface KeyCheckOptions {
  now: Date;
  /** x-workspace-id (id or slug), for personal keys. */
  workspaceHint?: string | null;
  /** The address the key is being used from; checked against the key's allowlist. */
  ip?: string | null;
}

const NOTHING: Omit<KeyCheck, "code"> = {
  keyId: null,
  kind: null,
  userId: null,
  userName: null,
  keyName: null,
  environment: null,
  expiresAt: null,
  workspace: null,
  workspaceId: null,
  role: null,
  scopes: [],
  workspaceAmbiguous: false,
  workspaceDenied: false,
  retryAfterMs: 0,
};

export async function checkKey(lookup: KeyLookup, secret: string, options: KeyCheckOptions): Promise<KeyCheck> {
  // The checksum refuses typos and forgeries before any cache or database lookup.
  if (!parseKey(secret)) return { ...NOTHING, code: "MALFORMED" };
  const hash = hashKey(secret);
  const now = options.now.getTime();
  let state = lookup.cache.get(hash, now);
  lookup.onLookup?.(state !== undefined);
  if (state === undefined) {
    const generation = lookup.cache.currentGeneration();
    state = await loadKeyState(lookup.db, hash);
    lookup.cache.set(hash, state, generation, now);
  }
  if (state === null) return { ...NOTHING, code: "NOT_FOUND" };
  return evaluateKey(state, options, lookup.keyLimiter);
}

export function evaluateKey(state: KeyState, options: KeyCheckOptions, keyLimiter: FixedWindowLimiter): KeyCheck {
  const base: Omit<KeyCheck, "code"> = {
    ...NOTHING,
    keyId: state.id,
    kind: state.kind,
    userId: state.creatorId,
    userName: state.creatorName,
    keyName: state.name,
    environment: state.environment,
    expiresAt: state.expiresAt === null ? null : new Date(state.expiresAt),
    workspaceId: state.workspaceId ?? null,
  };
  const now = options.now.getTime();
  if (state.revoked) return { ...base, code: "REVOKED" };
  if (state.expiresAt !== null && state.expiresAt <= now) return { ...base, code: "EXPIRED" };
  if (!state.enabled) return { ...base, code: "DISABLED" };
  if (!isIpInRanges(options.ip, state.ipAllowlist)) return { ...base, code: "IP_NOT_ALLOWED" };

  let membership: Membership | undefined = state.memberships[0];
  if (state.kind === "personal") {
    const hint = options.workspaceHint;
    membership = hint
      ? state.memberships.find((m) => m.workspace.id === hint || m.workspace.slug === hint)
      : state.memberships.length === 1
        ? state.memberships[0]
        : undefined;
    if (!membership) {
      return {
        ...base,
        code: "VALID",
        workspaceDenied: !!hint,
        workspaceAmbiguous: !hint && state.memberships.length > 1,
      };
    }
  }
  // A removed creator's keys stop working.
  if (!membership) return { ...base, code: "DISABLED" };

  if (state.rateLimit) {
    const wait = keyLimiter.hit(state.id, state.rateLimit.max, state.rateLimit.windowMs, now);
    if (wait > 0) return { ...base, code: "RATE_LIMITED", retryAfterMs: wait };
  }
  const ceiling = roleCeiling(membership.role, membership.workspace.customScopes);
  return {
    ...base,
    code: "VALID",
    workspace: membership.workspace,
    workspaceId: membership.workspace.id,
    role: membership.role,
    scopes: state.kind === "personal" ? ceiling : intersectScopes(state.scopes, ceiling),
  };
}
