import type { KeyView } from "@/lib/api/schemas/keys";

/** Who is looking at the key page, and what they may grant and manage (mirrors lib/keys/permissions.ts). */
export interface Viewer {
  userId: string;
  role: "owner" | "admin" | "member";
  /** The viewer's role ceiling: the scopes they may give a key. */
  scopes: string[];
}

export interface WorkspaceInfo {
  id: string;
  slug: string;
  name: string;
  keyPrefix: string;
}

/** keys.write manages every key; anyone manages the keys they created. */
export function canManageKey(viewer: Viewer, key: KeyView): boolean {
  return viewer.scopes.includes("keys.write") || key.createdBy?.id === viewer.userId;
}
