import type { Actor } from "../audit/record";
import type { KeyKind } from "../keys/key-state";
import type { WorkspaceRef } from "../workspaces/lookup";
import { type Role, roleCeiling } from "./scopes";

/** Who is calling, in which workspace, with which effective scopes. */
export interface Principal {
  type: "user" | "key";
  /** The user, or the key's creator. */
  userId: string;
  userName: string;
  keyId: string | null;
  keyName: string | null;
  keyKind: KeyKind | null;
  workspace: WorkspaceRef;
  role: Role;
  /**
   * The role in the workspace's organization (what organization keys and settings need): a
   * user's own, an organization key's creator's; null for workspace and personal keys.
   */
  orgRole: Role | null;
  scopes: string[];
  /** When the session signed in (its creation: each sign-in makes a new one); null for API keys. */
  signedInAt: Date | null;
}

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

export function actorOf(
  principal: Pick<Principal, "type" | "userId" | "userName" | "keyId" | "keyName">,
  meta: RequestMeta,
): Actor {
  return principal.type === "key"
    ? { type: "key", id: principal.keyId ?? "", label: principal.keyName ?? "", ...meta }
    : { type: "user", id: principal.userId, label: principal.userName, ...meta };
}

/** A signed-in user acting in one of their workspaces: their role's ceiling is what they may do. */
export function userPrincipal(
  user: { id: string; name: string },
  membership: { workspace: WorkspaceRef; role: Role; orgRole: Role | null },
  signedInAt: Date | null,
): Principal {
  const { workspace, role, orgRole } = membership;
  return {
    type: "user",
    userId: user.id,
    userName: user.name,
    keyId: null,
    keyName: null,
    keyKind: null,
    workspace,
    role,
    orgRole,
    scopes: roleCeiling(role, workspace.customScopes),
    signedInAt,
  };
}
