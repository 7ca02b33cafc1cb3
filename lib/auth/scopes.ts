/**
 * Scopes are `resource.action` strings. A key's effective permission is its scopes
 * intersected with its creator's CURRENT role ceiling, so demoting a creator takes
 * power from their keys at once.
 */
export const BUILT_IN_SCOPES = [
  "keys.read",
  "keys.write",
  "keys.verify",
  "members.read",
  "members.write",
  "audit.read",
  "workspace.read",
  "workspace.write",
] as const;
export type BuiltInScope = (typeof BUILT_IN_SCOPES)[number];

export const ROLES = ["owner", "admin", "member"] as const;
export type Role = (typeof ROLES)[number];

export const SCOPE_PATTERN = /^[a-z][a-z0-9_-]{0,30}\.[a-z][a-z0-9_-]{0,30}$/;

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * Built-in scopes a member holds: the reads, and keys.verify (a verifier key only confines
 * verification, which needs no credential at all unless the workspace requires one).
 */
const MEMBER_BUILT_INS = BUILT_IN_SCOPES.filter((s) => s.endsWith(".read") || s === "keys.verify");

/** Everything a role may do: members get MEMBER_BUILT_INS plus the workspace's own scopes. */
export function roleCeiling(role: Role, customScopes: readonly string[]): string[] {
  const builtIns = role === "member" ? MEMBER_BUILT_INS : BUILT_IN_SCOPES;
  return [...builtIns, ...customScopes];
}

export function intersectScopes(scopes: readonly string[], ceiling: readonly string[]): string[] {
  const allowed = new Set(ceiling);
  return scopes.filter((scope) => allowed.has(scope));
}
