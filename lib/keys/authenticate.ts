import type { VerifyCode } from "../api/schemas/keys";
import type { Role } from "../auth/scopes";
import type { Db } from "../db/client";
import type { MaybePromise } from "../maybe-async";
import type { KeyCache } from "../verify/key-cache";
import type { FixedWindowLimiter } from "../verify/rate-limit";
import type { WorkspaceRef } from "../workspaces/lookup";
import { isWellFormedKey } from "./format";
import { hashKey } from "./hash";
import { isIpInRanges } from "./ip-allowlist";
import { type KeyMembership, type KeyState, loadKeyState } from "./key-state";

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
  /**
   * Answers built from this check, memoised by the verifier (see lib/verify/verify.ts): for
   * its own code, and for INSUFFICIENT_SCOPE. Two fixed slots, so every holder has one shape.
   */
  answers: { own: unknown; insufficientScope: unknown };
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
  answers: noAnswers(),
};

function noAnswers(): KeyCheck["answers"] {
  return { own: undefined, insufficientScope: undefined };
}

export async function checkKey(lookup: KeyLookup, secret: string, options: KeyCheckOptions): Promise<KeyCheck> {
  return checkKeyNowOrLater(lookup, secret, options);
}

const MALFORMED: KeyCheck = Object.freeze({ ...NOTHING, code: "MALFORMED", answers: noAnswers() });
const NOT_FOUND: KeyCheck = Object.freeze({ ...NOTHING, code: "NOT_FOUND", answers: noAnswers() });

/** Synchronous when the key is cached (or malformed); a promise only when it must be loaded. */
export function checkKeyNowOrLater(
  lookup: KeyLookup,
  secret: string,
  options: KeyCheckOptions,
): MaybePromise<KeyCheck> {
  // The checksum refuses typos and forgeries before any cache or database lookup.
  if (!isWellFormedKey(secret)) return MALFORMED;
  const hash = hashKey(secret);
  const now = options.now.getTime();
  const cached = lookup.cache.get(hash, now);
  lookup.onLookup?.(cached !== undefined);
  // A hit is answered without a promise or a closure: this is the verification hot path.
  if (cached !== undefined) return cached === null ? NOT_FOUND : evaluateKey(cached, options, lookup.keyLimiter);
  return lookup.cache
    .load(hash, now, () => loadKeyState(lookup.db, hash))
    .then((loaded) => (loaded === null ? NOT_FOUND : evaluateKey(loaded, options, lookup.keyLimiter)));
}

export function evaluateKey(state: KeyState, options: KeyCheckOptions, keyLimiter: FixedWindowLimiter): KeyCheck {
  const now = options.now.getTime();
  // Most keys have no allowlist, no request limit and one workspace: until they expire their
  // answer is the same on every call, so it is read from one field (see plainAcceptance).
  if (state.plainAcceptance !== null && now < state.plainUntil && !options.workspaceHint) return state.plainAcceptance;
  if (state.revoked) return refusal(state, "REVOKED");
  if (state.expiresAt !== null && state.expiresAt <= now) return refusal(state, "EXPIRED");
  if (!state.enabled) return refusal(state, "DISABLED");
  if (state.ipAllowlist.length > 0 && !isIpInRanges(options.ip, state.ipAllowlist)) {
    return refusal(state, "IP_NOT_ALLOWED");
  }

  let membership: KeyMembership | undefined = state.memberships[0];
  if (state.kind === "personal") {
    const hint = options.workspaceHint;
    membership = hint
      ? state.memberships.find((m) => m.workspace.id === hint || m.workspace.slug === hint)
      : state.memberships.length === 1
        ? state.memberships[0]
        : undefined;
    if (!membership) {
      const check = refusal(state, "VALID");
      return { ...check, workspaceDenied: !!hint, workspaceAmbiguous: !hint && state.memberships.length > 1 };
    }
  }
  // A removed creator's keys stop working.
  if (!membership) return refusal(state, "DISABLED");

  if (state.rateLimit) {
    const wait = keyLimiter.hit(state.id, state.rateLimit.max, state.rateLimit.windowMs, now);
    if (wait > 0) return { ...refusal(state, "RATE_LIMITED"), retryAfterMs: wait };
  }
  const check = accepted(state, membership);
  if (state.plainAcceptance === null && isPlain(state)) {
    state.plainUntil = state.expiresAt ?? Number.POSITIVE_INFINITY;
    state.plainAcceptance = check;
  }
  return check;
}

/** A key whose acceptance depends on nothing but the clock: no allowlist, no request limit, one membership. */
function isPlain(state: KeyState): boolean {
  return state.ipAllowlist.length === 0 && state.rateLimit === null && state.memberships.length === 1;
}

/**
 * Check results depend only on the (cached) state, so each one is built once and kept on
 * the state itself: the hot path allocates nothing here. (Plain fields, not a WeakMap: tens
 * of thousands of WeakMap entries made every young-generation collection slow.)
 */
function baseOf(state: KeyState, code: VerifyCode): KeyCheck {
  return {
    ...NOTHING,
    code,
    keyId: state.id,
    kind: state.kind,
    userId: state.creatorId,
    userName: state.creatorName,
    keyName: state.name,
    environment: state.environment,
    expiresAt: state.expiresAt === null ? null : new Date(state.expiresAt),
    workspaceId: state.workspaceId,
    answers: noAnswers(),
  };
}

function refusal(state: KeyState, code: VerifyCode): KeyCheck {
  let check = state.checks[code];
  if (!check) {
    check = Object.freeze(baseOf(state, code));
    state.checks[code] = check;
  }
  return check;
}

function accepted(state: KeyState, membership: KeyMembership): KeyCheck {
  if (!membership.accepted) {
    membership.accepted = Object.freeze({
      ...baseOf(state, "VALID"),
      workspace: membership.workspace,
      workspaceId: membership.workspace.id,
      role: membership.role,
      scopes: membership.scopes,
    });
  }
  return membership.accepted;
}
