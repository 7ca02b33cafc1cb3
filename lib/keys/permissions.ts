import type { Role } from "../auth/scopes";

/**
 * Who may do what with keys: one pure rule each, read by the server (./guards.ts turns a
 * "no" into a 403) and by the dashboard (which offers only what the rule allows). Any
 * member may create keys within their own role's ceiling and manage the keys they
 * created; `keys.write` manages every key of the workspace. An API key acts for its
 * creator's role but never "owns" keys as a person does.
 */
export interface KeyActor {
  type: "user" | "key";
  userId: string;
  scopes: readonly string[];
}

/** The dashboard's viewer: a signed-in user, with their role's ceiling as scopes. */
export interface Viewer extends KeyActor {
  type: "user";
  role: Role;
  scopes: string[];
}

/** `creatorId`: the user who created the key (a key row's createdById, a KeyView's createdBy?.id). */
export function canManageKey(actor: KeyActor, creatorId: string | null | undefined): boolean {
  return actor.scopes.includes("keys.write") || (actor.type === "user" && creatorId === actor.userId);
}

/** The scopes in `scopes` that `actor` does not hold, and so may not grant a key. */
export function scopesBeyond(actor: Pick<KeyActor, "scopes">, scopes: readonly string[]): string[] {
  return scopes.filter((scope) => !actor.scopes.includes(scope));
}

/** The viewer as the API sees a signed-in user: their role's ceiling is what they may grant. */
export function viewerOf(principal: Pick<KeyActor, "userId"> & { role: Role; scopes: readonly string[] }): Viewer {
  return { type: "user", userId: principal.userId, role: principal.role, scopes: [...principal.scopes] };
}
