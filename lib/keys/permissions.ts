import { ApiError } from "../api/errors";
import type { Principal } from "../auth/principal";

/**
 * Who may do what with keys. Any member may create keys within their own role's ceiling
 * and manage the keys they created; `keys.write` manages every key of the workspace.
 * An API key may create keys only where the workspace allows key minting.
 */
export function assertCanCreateKey(principal: Principal): void {
  if (principal.type === "key") {
    if (!principal.workspace.allowKeyMinting) {
      throw new ApiError("FORBIDDEN", "You can't mint a key with a key: this workspace does not allow it");
    }
    if (!principal.scopes.includes("keys.write"))
      throw new ApiError("FORBIDDEN", "This action needs the keys.write scope");
  }
}

export function assertCanManageKey(principal: Principal, key: { createdById: string }): void {
  if (principal.scopes.includes("keys.write")) return;
  if (principal.type === "user" && key.createdById === principal.userId) return;
  throw new ApiError("FORBIDDEN", "You can only manage keys you created (or hold keys.write)");
}

/** Scopes granted to a key must lie within what the granting principal holds. */
export function assertGrantable(principal: Principal, scopes: readonly string[]): void {
  const beyond = scopes.filter((scope) => !principal.scopes.includes(scope));
  if (beyond.length > 0) {
    throw new ApiError("FORBIDDEN", `You cannot grant scopes you do not hold: ${beyond.join(", ")}`, {
      issues: [{ field: "scopes", message: `Not within your permissions: ${beyond.join(", ")}` }],
    });
  }
}
