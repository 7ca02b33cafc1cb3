import { ApiError } from "../api/errors";
import type { Principal } from "../auth/principal";
import { canCreateKeys, canManageKey, canManageOrgKeys, KEY_CREATION_REFUSAL, scopesBeyond } from "./permissions";

/** The rules of ./permissions.ts as the API enforces them: a refusal is a 403 that says why. */
export function assertCanCreateKey(principal: Principal): void {
  // First: a member's key in such a workspace is refused for who its creator is, not for a scope.
  if (!canCreateKeys(principal.role, principal.workspace)) throw new ApiError("FORBIDDEN", KEY_CREATION_REFUSAL);
  if (principal.type === "key") {
    if (!principal.workspace.allowKeyMinting) {
      throw new ApiError("FORBIDDEN", "You can't mint a key with a key: this workspace does not allow it");
    }
    if (!principal.scopes.includes("keys.write"))
      throw new ApiError("FORBIDDEN", "This action needs the keys.write scope");
  }
}

export function assertCanManageKey(principal: Principal, key: { createdById: string | null; kind: string }): void {
  if (key.kind === "organization" && !canManageOrgKeys(principal)) {
    throw new ApiError("FORBIDDEN", "Only the organization's owners and admins can manage its keys");
  }
  if (!canManageKey(principal, key.createdById, key.kind)) {
    throw new ApiError("FORBIDDEN", "You can only manage keys you created (or hold keys.write)");
  }
}

/** Organization keys: the workspace's rules, and the caller must own or administer the organization. */
export function assertCanCreateOrgKey(principal: Principal): void {
  assertCanCreateKey(principal);
  if (!canManageOrgKeys(principal)) {
    throw new ApiError("FORBIDDEN", "Only the organization's owners and admins can create organization keys", {
      issues: [{ field: "kind", message: "Organization keys need the organization's owner or admin role" }],
    });
  }
}

/** Scopes granted to a key must lie within what the granting principal holds. */
export function assertGrantable(principal: Principal, scopes: readonly string[]): void {
  const beyond = scopesBeyond(principal, scopes);
  if (beyond.length > 0) {
    throw new ApiError("FORBIDDEN", `You cannot grant scopes you do not hold: ${beyond.join(", ")}`, {
      issues: [{ field: "scopes", message: `Not within your permissions: ${beyond.join(", ")}` }],
    });
  }
}
