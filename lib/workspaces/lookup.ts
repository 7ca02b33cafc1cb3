import { ApiError } from "../api/errors";
import { strongestRole } from "../auth/roles";
import { isRole, type Role } from "../auth/scopes";
import type { Db } from "../db/client";
import type { KeyCreation } from "../keys/permissions";
import type { LeakResponse } from "../leaks/leak-response";
import { listOrgMemberships, orgRole, orgRoleActsInWorkspaces } from "../orgs/lookup";

export interface WorkspaceRef {
  id: string;
  /** The organization the workspace belongs to. */
  orgId: string;
  slug: string;
  name: string;
  keyPrefix: string;
  allowKeyMinting: boolean;
  requireVerifierKey: boolean;
  /** Members without TOTP or a passkey may not act here with their session (lib/auth/two-factor.ts). */
  requireTwoFactor: boolean;
  /** Who may create keys here (see lib/keys/permissions.ts canCreateKeys). */
  keyCreation: KeyCreation;
  /** What a leak report does to this workspace's keys (lib/leaks/report.ts). */
  leakResponse: LeakResponse;
  customScopes: string[];
  /** Where keys are created (1–5 names; the first is the default). */
  environments: string[];
}

export const workspaceRefSelect = {
  id: true,
  orgId: true,
  slug: true,
  name: true,
  keyPrefix: true,
  allowKeyMinting: true,
  requireVerifierKey: true,
  requireTwoFactor: true,
  keyCreation: true,
  leakResponse: true,
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
  /** The user's role here: the stronger of their workspace role and their organization's owner/admin role. */
  role: Role;
  /** Their role in the workspace's organization. */
  orgRole: Role | null;
}

/** The user's membership in the workspace named by id or slug, or null when they have none there. */
export async function findMembership(db: Db, userId: string, idOrSlug: string): Promise<Membership | null> {
  const workspace = await findWorkspace(db, idOrSlug);
  if (!workspace) return null;
  const [role, inOrg] = await Promise.all([memberRole(db, workspace.id, userId), orgRole(db, workspace.orgId, userId)]);
  const effective = strongestRole(role, orgRoleActsInWorkspaces(inOrg) ? inOrg : null);
  return effective ? { workspace, role: effective, orgRole: inOrg } : null;
}

/**
 * The workspaces a user acts in: those they are a member of, and every workspace of the
 * organizations they own or administer (in the order they joined, then by name).
 */
export async function listMemberships(db: Db, userId: string): Promise<Membership[]> {
  const [rows, orgs] = await Promise.all([
    db.member.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: { role: true, organization: { select: workspaceRefSelect } },
    }),
    listOrgMemberships(db, userId),
  ]);
  const orgRoles = new Map(orgs.map((m) => [m.org.id, m.role]));
  const memberships = new Map<string, Membership>();
  for (const row of rows) {
    if (!isRole(row.role)) continue;
    const inOrg = orgRoles.get(row.organization.orgId) ?? null;
    const role = strongestRole(row.role, orgRoleActsInWorkspaces(inOrg) ? inOrg : null) ?? row.role;
    memberships.set(row.organization.id, { workspace: row.organization, role, orgRole: inOrg });
  }
  const administered = orgs.filter((m) => orgRoleActsInWorkspaces(m.role));
  if (administered.length > 0) {
    const others = await db.organization.findMany({
      where: { orgId: { in: administered.map((m) => m.org.id) }, id: { notIn: [...memberships.keys()] } },
      orderBy: { name: "asc" },
      select: workspaceRefSelect,
    });
    for (const workspace of others) {
      const role = orgRoles.get(workspace.orgId) ?? "member";
      memberships.set(workspace.id, { workspace, role, orgRole: role });
    }
  }
  return [...memberships.values()];
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
