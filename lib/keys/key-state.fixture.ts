import type { KeyMembership, KeyState } from "./key-state";

/** Key states for unit tests: a live workspace key of workspace `ws_a`, unless told otherwise. */
export function membershipIn(workspaceId: string, requireVerifierKey = false): KeyMembership {
  return {
    role: "admin",
    scopes: ["keys.read"],
    orgSlug: "org-a",
    workspace: {
      id: workspaceId,
      orgId: "org_a",
      slug: `${workspaceId}-slug`,
      name: workspaceId,
      keyPrefix: "sk",
      allowKeyMinting: false,
      requireVerifierKey,
      requireTwoFactor: false,
      keyCreation: "members",
      leakResponse: "revoke",
      customScopes: [],
      environments: ["live", "test"],
    },
  };
}

export function keyState(fields: Partial<KeyState> = {}): KeyState {
  const workspaceId = fields.workspaceId ?? "ws_a";
  return {
    id: "key_1",
    kind: "workspace",
    name: "Key",
    creatorId: "usr_1",
    creatorName: "User",
    environment: "live",
    expiresAt: null,
    revoked: false,
    enabled: true,
    ipAllowlist: [],
    scopes: ["keys.read"],
    rateLimit: null,
    memberships: [membershipIn(workspaceId)],
    workspaceId,
    orgId: fields.kind === "personal" ? null : "org_a",
    workspaceRequiresVerifier: false,
    rotated: false,
    ...fields,
  };
}
