import type { Role } from "../auth/scopes";
import type { KeyKind } from "./key-state";

/**
 * Who may do what with keys: one pure rule each, read by the server (./guards.ts turns a
 * "no" into a 403) and by the dashboard (which offers only what the rule allows). Any
 * member may create keys within their own role's ceiling, unless the workspace keeps key
 * creation to owners and admins, and manage the keys they created; `keys.write` manages
 * every key of the workspace. An API key acts for its creator's role but never "owns" keys
 * as a person does.
 */

/** A workspace setting: who may create its keys. "members" (the default) means everyone. */
export const KEY_CREATION = ["members", "admins"] as const;
export type KeyCreation = (typeof KEY_CREATION)[number];

export const KEY_CREATION_REFUSAL = "Only owners and admins can create keys in this workspace";

/** Whether someone of `role` (a user, or a key acting for its creator) may create keys here. */
export function canCreateKeys(role: Role, workspace: { keyCreation: KeyCreation }): boolean {
  return workspace.keyCreation === "members" || role !== "member";
}
export interface KeyActor {
  type: "user" | "key";
  userId: string;
  scopes: readonly string[];
  /** The role in the workspace's organization: organization keys are its owners' and admins' to create and manage. */
  orgRole?: Role | null;
}

/** Whether `actor` may create and manage the organization's keys (those acting in all its workspaces). */
export function canManageOrgKeys(actor: Pick<KeyActor, "orgRole">): boolean {
  return actor.orgRole === "owner" || actor.orgRole === "admin";
}

/** The dashboard's viewer: a signed-in user, with their role's ceiling as scopes. */
export interface Viewer extends KeyActor {
  type: "user";
  role: Role;
  scopes: string[];
  /** Whether the workspace lets them create keys (canCreateKeys): the create button shows only then. */
  canCreateKeys: boolean;
  /** Whether they may also create organization keys (the create dialog offers the choice only then). */
  canCreateOrgKeys: boolean;
  orgRole: Role | null;
}

/**
 * `creatorId`: the user who created the key (a key row's createdById, a KeyView's createdBy?.id).
 * An organization key is managed only by the organization's owners and admins.
 */
export function canManageKey(
  actor: KeyActor,
  creatorId: string | null | undefined,
  kind: string = "workspace",
): boolean {
  if ((kind as KeyKind) === "organization" && !canManageOrgKeys(actor)) return false;
  return actor.scopes.includes("keys.write") || (actor.type === "user" && creatorId === actor.userId);
}

/** The scopes in `scopes` that `actor` does not hold, and so may not grant a key. */
export function scopesBeyond(actor: Pick<KeyActor, "scopes">, scopes: readonly string[]): string[] {
  return scopes.filter((scope) => !actor.scopes.includes(scope));
}

/** The viewer as the API sees a signed-in user: their role's ceiling is what they may grant. */
export function viewerOf(
  principal: Pick<KeyActor, "userId"> & {
    role: Role;
    orgRole?: Role | null;
    scopes: readonly string[];
    workspace: { keyCreation: KeyCreation };
  },
): Viewer {
  const { userId, role, scopes, workspace } = principal;
  const orgRole = principal.orgRole ?? null;
  const creates = canCreateKeys(role, workspace);
  return {
    type: "user",
    userId,
    role,
    orgRole,
    scopes: [...scopes],
    canCreateKeys: creates,
    canCreateOrgKeys: creates && canManageOrgKeys({ orgRole }),
  };
}
