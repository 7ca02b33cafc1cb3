import { ApiError } from "../api/errors";
import type { KeyMembership, KeyState } from "../keys/key-state";
import type { KeyCheck } from "../verify/verifier";

/** An API key presented as the caller's own credential, and where it acts. */
export interface KeyCredential {
  state: KeyState;
  membership: KeyMembership;
}

/** The API key in `Authorization: Bearer …` or `X-API-Key`, if any (headers read by name). */
export function presentedKey(header: (name: string) => string | null | undefined): string | null {
  const apiKey = header("x-api-key");
  if (apiKey) return apiKey.trim();
  const authorization = header("authorization");
  if (!authorization) return null;
  const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
  if (!match) throw new ApiError("UNAUTHORIZED", "Authorization must be `Bearer <key>`");
  return match[1].trim();
}

/**
 * The credential a key check allows, or the error its caller gets: 401 for a key that is
 * not usable at all, 403 for one that may not act here, 429 for one over its own limit.
 */
export function keyCredential(check: KeyCheck, workspaceHint: string | null): KeyCredential {
  switch (check.code) {
    case "VALID":
      break;
    case "IP_NOT_ALLOWED":
      throw new ApiError("FORBIDDEN", "This key may not be used from your IP address");
    case "RATE_LIMITED":
      throw new ApiError("RATE_LIMITED", "This key is over its request limit", undefined, {
        "retry-after": String(Math.ceil(check.retryAfterMs / 1000)),
      });
    case "WORKSPACE_AMBIGUOUS":
      throw check.entry?.state.kind === "organization"
        ? new ApiError(
            "VALIDATION_FAILED",
            "This is an organization key: name the workspace it acts in with the x-workspace-id header",
            { issues: [{ field: "x-workspace-id", message: "Required for an organization key" }] },
          )
        : new ApiError(
            "VALIDATION_FAILED",
            "This personal key belongs to several workspaces: name one with the x-workspace-id header",
            { issues: [{ field: "x-workspace-id", message: "Required for a personal key in several workspaces" }] },
          );
    case "ORGANIZATION_MISMATCH":
      throw new ApiError("VALIDATION_FAILED", "That workspace is not in that organization", {
        issues: [{ field: "x-organization-id", message: "Does not match the workspace named by x-workspace-id" }],
      });
    case "WORKSPACE_DENIED":
      throw new ApiError("FORBIDDEN", "You are not a member of that workspace");
    default:
      throw new ApiError(
        "UNAUTHORIZED",
        check.code === "REVOKED" && check.entry?.state.rotated && !check.entry.state.revoked
          ? "This key was rotated: use the key that replaced it"
          : refusalMessage(check.code),
      );
  }
  const { entry, membership } = check;
  if (!entry || !membership) throw new ApiError("UNAUTHORIZED", "API key has no workspace");
  if (workspaceHint && workspaceHint !== membership.workspace.id && workspaceHint !== membership.workspace.slug) {
    throw new ApiError("FORBIDDEN", "This key does not belong to that workspace");
  }
  return { state: entry.state, membership };
}

/** x-organization-id, when sent, must name the organization of the workspace the caller acts in. */
export function assertOrganizationHint(workspace: { orgId: string }, orgHint: { id: string } | null): void {
  if (!orgHint || orgHint.id === workspace.orgId) return;
  throw new ApiError("VALIDATION_FAILED", "That workspace is not in that organization", {
    issues: [{ field: "x-organization-id", message: "Does not match the workspace named by x-workspace-id" }],
  });
}

function refusalMessage(code: KeyCheck["code"]): string {
  switch (code) {
    case "MALFORMED":
      return "API key is malformed";
    case "NOT_FOUND":
      return "API key is not recognised";
    case "REVOKED":
      return "API key has been revoked";
    case "EXPIRED":
      return "API key has expired";
    default:
      return "API key is disabled";
  }
}
