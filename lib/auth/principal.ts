import type { Actor } from "../audit/record";
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
  keyKind: "workspace" | "personal" | null;
  workspace: WorkspaceRef;
  role: Role;
  scopes: string[];
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

/** A signed-in user acting in one of their workspaces: their role's ceiling is what they hold. */
export function userPrincipal(
  user: { id: string; name: string },
  membership: { workspace: WorkspaceRef; role: Role },
): Principal {
  const { workspace, role } = membership;
  return {
    type: "user",
    userId: user.id,
    userName: user.name,
    keyId: null,
    keyName: null,
    keyKind: null,
    workspace,
    role,
    scopes: roleCeiling(role, workspace.customScopes),
  };
}
