import type { KeyView } from "@/lib/api/schemas/keys";
import { type Role, roleCeiling } from "@/lib/auth/scopes";

/** Who is looking at the key page, and what they may grant and manage (mirrors lib/keys/permissions.ts). */
export interface Viewer {
  userId: string;
  role: Role;
  /** The viewer's role ceiling: the scopes they may give a key. */
  scopes: string[];
}

export interface WorkspaceInfo {
  id: string;
  slug: string;
  name: string;
  keyPrefix: string;
}

/** The viewer as the API sees a session: the role's ceiling (lib/auth/with-auth.ts). */
export function viewerOf(userId: string, membership: { role: Role; workspace: { customScopes: string[] } }): Viewer {
  return { userId, role: membership.role, scopes: roleCeiling(membership.role, membership.workspace.customScopes) };
}

/** keys.write manages every key; anyone manages the keys they created. */
export function canManageKey(viewer: Viewer, key: KeyView): boolean {
  return viewer.scopes.includes("keys.write") || key.createdBy?.id === viewer.userId;
}
