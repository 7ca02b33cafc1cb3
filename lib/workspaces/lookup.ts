import { ApiError } from "../api/errors";
import { isRole, type Role } from "../auth/scopes";
import type { Db } from "../db/client";
import type { KeyCreation } from "../keys/permissions";

export interface WorkspaceRef {
  id: string;
  slug: string;
  name: string;
  keyPrefix: string;
  allowKeyMinting: boolean;
  requireVerifierKey: boolean;
  /** Who may create keys here (see lib/keys/permissions.ts canCreateKeys). */
  keyCreation: KeyCreation;
  customScopes: string[];
  /** Where keys are created (1–5 names; the first is the default). */
  environments: string[];
}

export const workspaceRefSelect = {
  id: true,
  slug: true,
  name: true,
  keyPrefix: true,
  allowKeyMinting: true,
  requireVerifierKey: true,
  keyCreation: true,
  customScopes: true,
  environments: true,
} as const;

/** A workspace by id or slug (clients may send either in x-workspace-id). */
export async function findWorkspace(db: Db, idOrSlug: string): Promise<WorkspaceRef | null> {
  return db.organization.findFirst({
    where: { OR: [{ id: idOrSlug }, { slug: idOrSlug }] },
    select: workspaceRefSelect,
  });
}

export async function memberRole(db: Db, workspaceId: string, userId: string): Promise<Role | null> {
  const member = await db.member.findUnique({
    where: { organizationId_userId: { organizationId: workspaceId, userId } },
    select: { role: true },
  });
  if (!member) return null;
  // better-auth stores comma-separated roles when several are given; the strongest wins.
  const roles = member.role
    .split(",")
    .map((r) => r.trim())
    .filter(isRole);
  return (["owner", "admin", "member"] as const).find((r) => roles.includes(r)) ?? null;
}

export interface Membership {
  workspace: WorkspaceRef;
  role: Role;
}

/** The user's membership in the workspace named by id or slug, or null when they have none there. */
export async function findMembership(db: Db, userId: string, idOrSlug: string): Promise<Membership | null> {
  const workspace = await findWorkspace(db, idOrSlug);
  const role = workspace ? await memberRole(db, workspace.id, userId) : null;
  return workspace && role ? { workspace, role } : null;
}

export async function listMemberships(db: Db, userId: string): Promise<Membership[]> {
  const rows = await db.member.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { role: true, organization: { select: workspaceRefSelect } },
  });
  return rows.flatMap((row) => (isRole(row.role) ? [{ workspace: row.organization, role: row.role }] : []));
}

/**
 * Where a signed-in user acts: the workspace named (id or slug; 403 unless they are a member
 * there), else their first one (404 when they have none yet).
 */
export async function sessionMembership(db: Db, userId: string, idOrSlug: string | null | undefined) {
  if (idOrSlug) {
    const membership = await findMembership(db, userId, idOrSlug);
    if (!membership) throw new ApiError("FORBIDDEN", "You are not a member of that workspace");
    return membership;
  }
  const [first] = await listMemberships(db, userId);
  if (!first) throw new ApiError("NOT_FOUND", "You have no workspace yet: create one first");
  return first;
}
