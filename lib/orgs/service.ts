import type { z } from "zod";
import { ApiError } from "../api/errors";
import type { changeOrgRoleSchema, OrgDetailView, OrgMemberView, updateOrgSchema } from "../api/schemas/orgs";
import { type AuditEntry, recordAudit } from "../audit/record";
import { requireFreshSession, type SignedInCaller } from "../auth/fresh-session";
import type { RequestMeta } from "../auth/principal";
import { isRole, type Role } from "../auth/scopes";
import type { Db } from "../db/client";
import { auditRecorded, publishChange } from "../events/changes";
import type { Prisma } from "../generated/prisma/client";
import { newId } from "../ids";
import { toKeyView } from "../keys/serialize";
import { createdBySelect } from "../keys/service";
import { type OrgRef, orgRoleActsInWorkspaces } from "./lookup";

/** A signed-in user acting on an organization they belong to. */
export interface OrgActor {
  user: { id: string; name: string };
  org: OrgRef;
  role: Role;
}

export async function orgDetail(db: Db, actor: OrgActor, now: Date): Promise<OrgDetailView> {
  const { org, role, user } = actor;
  const seesAll = orgRoleActsInWorkspaces(role);
  const [workspaces, members, keys] = await Promise.all([
    db.organization.findMany({
      where: { orgId: org.id, ...(seesAll ? {} : { members: { some: { userId: user.id } } }) },
      orderBy: { name: "asc" },
      select: {
        id: true,
        slug: true,
        name: true,
        keyPrefix: true,
        members: { where: { userId: user.id }, select: { id: true } },
      },
    }),
    orgMembers(db, org.id),
    seesAll
      ? db.apiKey.findMany({
          where: { orgId: org.id, kind: "organization" },
          orderBy: { createdAt: "desc" },
          include: createdBySelect,
        })
      : [],
  ]);
  return {
    ...org,
    role,
    workspaces: workspaces.map(({ members, ...workspace }) => ({ ...workspace, member: members.length > 0 })),
    members,
    keys: keys.map((key) => toKeyView(key, now)),
  };
}

/** Everyone with a role row, and everyone in one of its workspaces (as members unless a row says more). */
export async function orgMembers(db: Pick<Db, "$queryRaw">, orgId: string): Promise<OrgMemberView[]> {
  const rows = await db.$queryRaw<
    { userId: string; name: string; email: string; role: string | null; workspaces: number }[]
  >`
    SELECT u."id" AS "userId", u."name", u."email", om."role",
      (SELECT count(*)::int FROM "member" m JOIN "organization" w ON w."id" = m."organizationId"
        WHERE w."orgId" = ${orgId} AND m."userId" = u."id") AS "workspaces"
    FROM "user" u
    LEFT JOIN "org_member" om ON om."orgId" = ${orgId} AND om."userId" = u."id"
    WHERE om."id" IS NOT NULL OR EXISTS (SELECT 1 FROM "member" m JOIN "organization" w ON w."id" = m."organizationId"
      WHERE w."orgId" = ${orgId} AND m."userId" = u."id")
    ORDER BY u."name", u."id"`;
  return rows.map((row) => ({ ...row, role: row.role && isRole(row.role) ? row.role : "member" }));
}

export async function renameOrg(
  db: Db,
  actor: OrgActor,
  input: z.output<typeof updateOrgSchema>,
  meta: RequestMeta,
): Promise<OrgRef> {
  const { org, events } = await db.$transaction(async (tx) => {
    const org = await tx.org.update({
      where: { id: actor.org.id },
      data: { name: input.name },
      select: { id: true, slug: true, name: true },
    });
    const events = await recordInEveryWorkspace(tx, actor, meta, {
      action: "org.settings_changed",
      metadata: { name: { from: actor.org.name, to: input.name } },
    });
    return { org, events };
  });
  publishChange(...auditRecorded(...events));
  return org;
}

/**
 * Gives a member of the organization a role. Only owners make or unmake owners; the last owner
 * stays one. Their organization keys and their access to its workspaces change at once.
 */
export async function changeOrgRole(
  db: Db,
  actor: OrgActor & SignedInCaller,
  userId: string,
  input: z.output<typeof changeOrgRoleSchema>,
  meta: RequestMeta,
): Promise<OrgMemberView> {
  const { events } = await db.$transaction(async (tx) => {
    // One role change at a time per organization, so two owners cannot demote each other.
    await tx.$queryRaw`SELECT "id" FROM "org" WHERE "id" = ${actor.org.id} FOR UPDATE`;
    const [target] = (await orgMembers(tx, actor.org.id)).filter((m) => m.userId === userId);
    if (!target) throw new ApiError("NOT_FOUND", "No such member in this organization");
    if (target.role !== input.role) requireFreshSession(actor);
    if ((target.role === "owner" || input.role === "owner") && actor.role !== "owner") {
      throw new ApiError("FORBIDDEN", "Only the organization's owners can make or unmake owners");
    }
    if (target.role === "owner" && input.role !== "owner") {
      const owners = await tx.orgMember.count({ where: { orgId: actor.org.id, role: "owner" } });
      if (owners <= 1)
        throw new ApiError("CONFLICT", "The organization's last owner cannot step down: make someone else owner first");
    }
    await tx.orgMember.upsert({
      where: { orgId_userId: { orgId: actor.org.id, userId } },
      create: { id: newId("omem"), orgId: actor.org.id, userId, role: input.role },
      update: { role: input.role },
    });
    const events = await recordInEveryWorkspace(tx, actor, meta, {
      action: "org.role_changed",
      targetType: "member",
      targetId: userId,
      metadata: { email: target.email, from: target.role, to: input.role },
    });
    return { events };
  });
  publishChange({ type: "user", userId }, ...auditRecorded(...events));
  const [member] = (await orgMembers(db, actor.org.id)).filter((m) => m.userId === userId);
  return member;
}

/** An organization's change is recorded in each of its workspaces' audit logs, where its admins look. */
async function recordInEveryWorkspace(
  tx: Prisma.TransactionClient,
  actor: OrgActor,
  meta: RequestMeta,
  entry: Omit<AuditEntry, "workspaceId">,
) {
  const workspaces = await tx.organization.findMany({ where: { orgId: actor.org.id }, select: { id: true } });
  const user = { type: "user" as const, id: actor.user.id, label: actor.user.name, ...meta };
  const metadata = {
    ...(entry.metadata as Record<string, unknown>),
    organizationId: actor.org.id,
  } as Prisma.InputJsonValue;
  const events = [];
  for (const workspace of workspaces)
    events.push(await recordAudit(tx, user, { ...entry, metadata, workspaceId: workspace.id }));
  return events;
}
