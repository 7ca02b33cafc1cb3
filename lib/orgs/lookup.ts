import { isRole, type Role } from "../auth/scopes";
import type { Db } from "../db/client";

/** An organization: the workspaces of one team. */
export interface OrgRef {
  id: string;
  slug: string;
  name: string;
}

export const orgRefSelect = { id: true, slug: true, name: true } as const;

export async function findOrg(db: Db, idOrSlug: string): Promise<OrgRef | null> {
  return db.org.findFirst({ where: { OR: [{ id: idOrSlug }, { slug: idOrSlug }] }, select: orgRefSelect });
}

/**
 * A user's role in an organization: the role its org_member row gives, else "member" when they
 * belong to any of its workspaces, else none.
 */
export async function orgRole(db: Db, orgId: string, userId: string): Promise<Role | null> {
  const [row] = await db.$queryRaw<{ role: string | null; inWorkspace: boolean }[]>`SELECT
      (SELECT "role" FROM "org_member" WHERE "orgId" = ${orgId} AND "userId" = ${userId}) AS "role",
      EXISTS (SELECT 1 FROM "member" m JOIN "organization" w ON w."id" = m."organizationId"
        WHERE w."orgId" = ${orgId} AND m."userId" = ${userId}) AS "inWorkspace"`;
  if (row?.role && isRole(row.role)) return row.role;
  return row?.inWorkspace ? "member" : null;
}

/** Organization owners and admins act in every workspace of it, with that role. */
export function orgRoleActsInWorkspaces(role: Role | null): role is "owner" | "admin" {
  return role === "owner" || role === "admin";
}

export interface OrgMembership {
  org: OrgRef;
  role: Role;
}

/** The organizations a user belongs to (by a role, or through a workspace), by name. */
export async function listOrgMemberships(db: Db, userId: string): Promise<OrgMembership[]> {
  const rows = await db.$queryRaw<(OrgRef & { role: string | null })[]>`SELECT o."id", o."slug", o."name",
      om."role"
    FROM "org" o
    LEFT JOIN "org_member" om ON om."orgId" = o."id" AND om."userId" = ${userId}
    WHERE om."id" IS NOT NULL OR EXISTS (SELECT 1 FROM "member" m JOIN "organization" w ON w."id" = m."organizationId"
      WHERE w."orgId" = o."id" AND m."userId" = ${userId})
    ORDER BY o."name", o."id"`;
  return rows.map(({ role, ...org }) => ({ org, role: role && isRole(role) ? role : "member" }));
}
