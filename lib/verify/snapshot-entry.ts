import type { SnapshotEntry } from "../api/schemas/verify-snapshot";
import type { KeyState } from "../keys/key-state";

/**
 * A key as a verifier of `workspaceId` sees it: the fields evaluateKey (lib/keys/evaluate.ts)
 * reads for a `{ kind: "verifier" }` caller, with the membership already chosen. Null when
 * the key does not exist for that verifier (another workspace's key, or a personal key of
 * someone who is not a member): the server answers NOT_FOUND for those.
 */
export function snapshotEntry(hash: string, state: KeyState, workspaceId: string): SnapshotEntry | null {
  if (state.kind === "workspace" && state.workspaceId !== workspaceId) return null;
  // A workspace key's state holds its own workspace's membership only (key-state.ts).
  const membership =
    state.kind === "workspace" ? state.memberships[0] : state.memberships.find((m) => m.workspace.id === workspaceId);
  if (state.kind !== "workspace" && !membership) return null;
  return {
    hash,
    keyId: state.id,
    kind: state.kind,
    workspaceId: state.workspaceId,
    organizationId: membership?.workspace.orgId ?? state.orgId,
    environment: state.environment,
    expiresAt: state.expiresAt === null ? null : new Date(state.expiresAt).toISOString(),
    revoked: state.revoked,
    rotated: state.rotated,
    enabled: state.enabled,
    ipAllowlist: state.ipAllowlist.map(([address, bits]) => `${address.toString()}/${bits}`),
    creatorIsMember: membership !== undefined,
    scopes: membership?.scopes ?? [],
    role: membership?.role ?? null,
    rateLimit: state.rateLimit,
  };
}
