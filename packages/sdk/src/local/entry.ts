import type { VerifierSnapshotEntry, VerifyCode, VerifyResult } from "../types.js";
import { AllowList } from "./allowlist.js";
import type { NodeParts } from "./node.js";

/**
 * One key of the snapshot, ready for the hot path: dates as numbers, the allowlist parsed,
 * and its answers built once per outcome and frozen (a key verified a million times is
 * described once, as the server does in lib/verify/answers.ts).
 */
export interface LocalEntry {
  readonly hash: string;
  readonly keyId: string;
  readonly kind: "workspace" | "organization" | "personal";
  /** One of the workspace's environments (2–10 lowercase letters). */
  readonly environment: string;
  readonly expiresAtMs: number | null;
  revoked: boolean;
  /** Replaced by a rotation: once its grace ends it answers REVOKED (reason ROTATED). */
  readonly rotated: boolean;
  readonly enabled: boolean;
  readonly allowList: AllowList | null;
  readonly creatorIsMember: boolean;
  readonly scopes: readonly string[];
  readonly rateLimit: { max: number; windowMs: number } | null;
  /** An event said the key changed and its new entry is not here yet: ask the server meanwhile. */
  stale: boolean;
  readonly source: VerifierSnapshotEntry;
  readonly answers: Partial<Record<VerifyCode, VerifyResult>>;
  /** The verifier's workspace: where a VALID key acts. */
  readonly verifierWorkspaceId: string;
}

export function toLocalEntry(source: VerifierSnapshotEntry, verifierWorkspaceId: string, node: NodeParts): LocalEntry {
  return {
    hash: source.hash,
    keyId: source.keyId,
    kind: source.kind,
    environment: source.environment,
    expiresAtMs: source.expiresAt === null ? null : Date.parse(source.expiresAt),
    revoked: source.revoked,
    // A server older than this field sends none.
    rotated: source.rotated ?? false,
    enabled: source.enabled,
    allowList: source.ipAllowlist.length > 0 ? new AllowList(source.ipAllowlist, node) : null,
    creatorIsMember: source.creatorIsMember,
    scopes: source.scopes,
    rateLimit: source.rateLimit,
    stale: false,
    source,
    answers: {},
    verifierWorkspaceId,
  };
}

export type EntryCode = "VALID" | "NOT_FOUND" | "REVOKED" | "EXPIRED" | "DISABLED" | "IP_NOT_ALLOWED";

/**
 * The server's evaluateKey (lib/keys/evaluate.ts) for a verifier of this workspace, in the
 * same order. The snapshot holds only keys the verifier may see, with the membership chosen.
 */
export function evaluateEntry(entry: LocalEntry, now: number, ip: string | undefined): EntryCode {
  if (entry.revoked) return "REVOKED";
  if (entry.expiresAtMs !== null && entry.expiresAtMs <= now) return entry.rotated ? "REVOKED" : "EXPIRED";
  if (!entry.enabled) return "DISABLED";
  if (entry.allowList !== null && !entry.allowList.allows(ip)) return "IP_NOT_ALLOWED";
  if (entry.creatorIsMember) return "VALID";
  // A workspace key whose creator left stops working; a personal key acts only where its owner is.
  return entry.kind === "workspace" ? "DISABLED" : "NOT_FOUND";
}

const KEYLESS: Partial<Record<VerifyCode, VerifyResult>> = {};

/** The answer the server gives for a key nobody can see, or a malformed one. */
export function keylessAnswer(code: "NOT_FOUND" | "MALFORMED"): VerifyResult {
  KEYLESS[code] ??= Object.freeze({
    valid: false,
    code,
    keyId: null,
    workspaceId: null,
    environment: null,
    scopes: [],
    expiresAt: null,
    role: null,
    reason: null,
    organizationId: null,
    scope: null,
  });
  return KEYLESS[code];
}

/** The server's answer for a found key (lib/verify/answers.ts buildAnswer); only workspace keys are answered here. */
export function entryAnswer(entry: LocalEntry, code: VerifyCode): VerifyResult {
  const cached = entry.answers[code];
  if (cached) return cached;
  if (code === "NOT_FOUND" || code === "MALFORMED") return keylessAnswer(code);
  // VALID and INSUFFICIENT_SCOPE carry the membership's workspace; other refusals the key's own.
  const inWorkspace = code === "VALID" || code === "INSUFFICIENT_SCOPE";
  const answer: VerifyResult = Object.freeze({
    valid: code === "VALID",
    code,
    keyId: entry.keyId,
    workspaceId: inWorkspace ? entry.verifierWorkspaceId : entry.source.workspaceId,
    environment: entry.environment,
    scopes: code === "VALID" ? [...entry.scopes] : [],
    expiresAt: entry.source.expiresAt,
    // A server older than the role in snapshots sends none: answer null rather than undefined.
    role: inWorkspace ? (entry.source.role ?? null) : null,
    reason: code === "REVOKED" && entry.rotated && !entry.revoked ? "ROTATED" : null,
    // A personal key names an organization only where it acts.
    organizationId: inWorkspace || entry.kind !== "personal" ? (entry.source.organizationId ?? null) : null,
    scope: entry.kind === "personal" ? "user" : entry.kind,
  });
  entry.answers[code] = answer;
  return answer;
}
