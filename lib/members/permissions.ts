import type { Role } from "../auth/scopes";

/**
 * What the dashboard offers a viewer on the members page. These mirror the rules enforced
 * in ./service.ts (which stays the authority): members.write manages members, only owners
 * make or unmake owners, and a workspace always keeps one owner.
 */
export interface Viewer {
  userId: string;
  role: Role;
}

export interface MemberRef {
  userId: string;
  role: Role;
}

const RANK: Record<Role, number> = { owner: 3, admin: 2, member: 1 };

export function canManageMembers(role: Role): boolean {
  return role !== "member";
}

/** The roles the viewer may invite people with. */
export function invitableRoles(role: Role): Role[] {
  if (role === "owner") return ["owner", "admin", "member"];
  if (role === "admin") return ["admin", "member"];
  return [];
}

/** The roles the viewer may give this member (including the current one); empty when the role is not theirs to change. */
export function assignableRoles(viewer: Viewer, member: MemberRef, ownerCount: number): Role[] {
  if (!canManageMembers(viewer.role)) return [];
  if (member.role === "owner" && (viewer.role !== "owner" || ownerCount <= 1)) return [];
  return invitableRoles(viewer.role);
}

/** Removing someone else; leaving is canLeave. */
export function canRemove(viewer: Viewer, member: MemberRef, ownerCount: number): boolean {
  if (member.userId === viewer.userId || !canManageMembers(viewer.role)) return false;
  if (member.role === "owner") return viewer.role === "owner" && ownerCount > 1;
  return true;
}

export function canLeave(viewer: Viewer, ownerCount: number): boolean {
  return !(viewer.role === "owner" && ownerCount <= 1);
}

/** Demoting yourself, an admin or an owner, or making someone an owner, is confirmed first. */
export function roleChangeNeedsConfirmation(viewer: Viewer, member: MemberRef, to: Role): boolean {
  if (to === "owner" && member.role !== "owner") return true;
  const demotion = RANK[to] < RANK[member.role];
  return demotion && (member.userId === viewer.userId || member.role !== "member");
}

export function countOwners(members: readonly { role: Role }[]): number {
  return members.filter((member) => member.role === "owner").length;
}

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: "Everything, including managing owners",
  admin: "Manage keys, members and settings",
  member: "View keys, members and the audit log; create their own keys",
};
