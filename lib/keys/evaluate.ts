import { isIpInRanges } from "./ip-allowlist";
import type { KeyMembership, KeyState } from "./key-state";

/** Who presents the key: the key is the caller's own credential, or a service verifies it. */
export type KeyCaller =
  /** The REST API, authenticating its caller. */
  | { kind: "api" }
  /** The verify endpoint, called with no credential. */
  | { kind: "anonymous" }
  /** The verify endpoint, called with a verifier key of this workspace. */
  | { kind: "verifier"; workspaceId: string };

export interface KeyRequest {
  /** Epoch milliseconds. */
  now: number;
  caller: KeyCaller;
  /** The address the key is used from, checked against the key's allowlist. */
  ip?: string | null;
  /** x-workspace-id (id or slug): where a personal or organization key acts. */
  workspaceHint?: string | null;
  /** x-organization-id (id or slug): narrows where a key acts, and must match the workspace named. */
  organizationHint?: string | null;
}

export type KeyRefusal = "NOT_FOUND" | "EXPIRED" | "REVOKED" | "DISABLED" | "IP_NOT_ALLOWED";

export type KeyVerdict =
  | { code: "VALID"; membership: KeyMembership }
  /** An organization key, or a personal key of someone in several workspaces, with none named. */
  | { code: "WORKSPACE_AMBIGUOUS"; membership: null }
  /** The workspace named is not in the organization named. */
  | { code: "ORGANIZATION_MISMATCH"; membership: null }
  /** A personal key asked to act in a workspace its owner is not a member of. */
  | { code: "WORKSPACE_DENIED"; membership: null }
  | { code: KeyRefusal; membership: null };

const refusal = <C extends KeyVerdict["code"]>(code: C) => Object.freeze({ code, membership: null });
const NOT_FOUND = refusal("NOT_FOUND");
const EXPIRED = refusal("EXPIRED");
const REVOKED = refusal("REVOKED");
const DISABLED = refusal("DISABLED");
const IP_NOT_ALLOWED = refusal("IP_NOT_ALLOWED");
const WORKSPACE_AMBIGUOUS = refusal("WORKSPACE_AMBIGUOUS");
const WORKSPACE_DENIED = refusal("WORKSPACE_DENIED");
const ORGANIZATION_MISMATCH = refusal("ORGANIZATION_MISMATCH");

/**
 * Whether a key may be used for this request, and in which membership. Pure: the same state
 * and request give the same verdict (a key's own request limit is counted by the caller).
 *
 * A verifier sees only its own workspace's keys, and a workspace that requires a verifier
 * key hides its keys from anonymous callers: both get NOT_FOUND, before anything about the
 * key (revoked, expired …) could show.
 */
export function evaluateKey(state: KeyState, request: KeyRequest): KeyVerdict {
  const { caller } = request;
  if (caller.kind === "verifier" && state.kind === "workspace" && state.workspaceId !== caller.workspaceId) {
    return NOT_FOUND;
  }
  if (caller.kind === "anonymous" && state.workspaceRequiresVerifier) return NOT_FOUND;
  if (state.revoked) return REVOKED;
  // A rotated key whose grace has ended was replaced, not left to expire.
  if (state.expiresAt !== null && state.expiresAt <= request.now) return state.rotated ? REVOKED : EXPIRED;
  if (!state.enabled) return DISABLED;
  if (state.ipAllowlist.length > 0 && !isIpInRanges(request.ip, state.ipAllowlist)) return IP_NOT_ALLOWED;

  const orgHint = request.organizationHint;
  if (state.kind === "workspace") {
    // A removed creator's keys stop working.
    const [membership] = state.memberships;
    if (!membership) return DISABLED;
    return orgHint && !inOrganization(membership, orgHint) ? ORGANIZATION_MISMATCH : { code: "VALID", membership };
  }
  const hint = caller.kind === "verifier" ? caller.workspaceId : request.workspaceHint;
  const candidates = orgHint ? state.memberships.filter((m) => inOrganization(m, orgHint)) : state.memberships;
  let membership: KeyMembership | undefined;
  if (hint) {
    membership = candidates.find((m) => m.workspace.id === hint || m.workspace.slug === hint);
    if (!membership && orgHint && state.memberships.some((m) => m.workspace.id === hint || m.workspace.slug === hint)) {
      return caller.kind === "verifier" ? NOT_FOUND : ORGANIZATION_MISMATCH;
    }
  } else if (state.kind === "personal" && candidates.length === 1) {
    // An organization key always names its workspace: which one is the caller's to say.
    membership = candidates[0];
  }
  if (!membership) {
    if (caller.kind === "verifier") return NOT_FOUND;
    // An owner removed from every workspace: the key acts nowhere, whatever is named.
    if (state.memberships.length === 0) return DISABLED;
    return hint || (orgHint && candidates.length === 0) ? WORKSPACE_DENIED : WORKSPACE_AMBIGUOUS;
  }
  if (caller.kind === "anonymous" && membership.workspace.requireVerifierKey) return NOT_FOUND;
  return { code: "VALID", membership };
}

function inOrganization(membership: KeyMembership, idOrSlug: string): boolean {
  return membership.workspace.orgId === idOrSlug || membership.orgSlug === idOrSlug;
}
