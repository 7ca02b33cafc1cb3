import type { z } from "zod";
import { ApiError } from "../api/errors";
import type { createWorkspaceSchema, updateWorkspaceSchema } from "../api/schemas/workspaces";
import { recordAudit } from "../audit/record";
import { requireFreshSession } from "../auth/fresh-session";
import { actorOf, type Principal, type RequestMeta } from "../auth/principal";
import { assertCanRequireTwoFactor } from "../auth/two-factor";
import type { Db } from "../db/client";
import { auditRecorded, publishChange } from "../events/changes";
import { newId } from "../ids";
import { assertEnvironmentsUnused } from "../keys/environments";
import { findOrg, orgRole, orgRoleActsInWorkspaces } from "../orgs/lookup";
import { type WorkspaceRef, workspaceRefSelect } from "./lookup";
import { policiesSelect, type WorkspacePolicies } from "./policies";
import { changesSecurity } from "./security-settings";

export interface WorkspaceCreator {
  id: string;
  name: string;
}

/**
 * Creates a workspace with its creator as owner: in an organization the creator owns or
 * administers, or else in a new organization of its own (same name and URL name) which the
 * creator owns.
 */
export async function createWorkspace(
  db: Db,
  user: WorkspaceCreator,
  input: z.output<typeof createWorkspaceSchema>,
  meta: RequestMeta,
): Promise<WorkspaceRef> {
  const { organizationId, ...fields } = input;
  const taken = await db.organization.findUnique({ where: { slug: fields.slug }, select: { id: true } });
  if (taken) {
    throw new ApiError("CONFLICT", `The URL name "${fields.slug}" is taken`, {
      issues: [{ field: "slug", message: "Already taken" }],
    });
  }
  const org = organizationId ? await organizationToCreateIn(db, user.id, organizationId) : null;
  const { workspace, orgKeyCreators } = await db.$transaction(async (tx) => {
    const orgId = org?.id ?? newId("org");
    if (!org) {
      const slugTaken = await tx.org.findUnique({ where: { slug: fields.slug }, select: { id: true } });
      await tx.org.create({
        data: {
          id: orgId,
          name: fields.name,
          slug: slugTaken ? `${fields.slug}-${orgId.slice(-6).toLowerCase()}` : fields.slug,
        },
      });
      await tx.orgMember.create({ data: { id: newId("omem"), orgId, userId: user.id, role: "owner" } });
    }
    const workspace = await tx.organization.create({
      data: { id: newId("ws"), orgId, name: fields.name, slug: fields.slug, keyPrefix: fields.keyPrefix },
      select: workspaceRefSelect,
    });
    await tx.member.create({
      data: { id: newId("mem"), organizationId: workspace.id, userId: user.id, role: "owner" },
    });
    await recordAudit(
      tx,
      { type: "user", id: user.id, label: user.name, ...meta },
      {
        workspaceId: workspace.id,
        action: "workspace.created",
        targetType: "workspace",
        targetId: workspace.id,
        metadata: { organizationId: orgId },
      },
    );
    // The organization's keys, and its owners' and admins' own keys, now act here too: their
    // cached states lack this workspace.
    const orgKeyCreators = org
      ? [
          ...(await tx.apiKey.findMany({
            where: { orgId: org.id, kind: "organization" },
            distinct: ["createdById"],
            select: { createdById: true },
          })),
          ...(
            await tx.orgMember.findMany({
              where: { orgId: org.id, role: { in: ["owner", "admin"] } },
              select: { userId: true },
            })
          ).map((m) => ({ createdById: m.userId })),
        ]
      : [];
    return { workspace, orgKeyCreators };
  });
  publishChange(
    { type: "user", userId: user.id },
    ...orgKeyCreators.map((key) => ({ type: "user" as const, userId: key.createdById })),
  );
  return workspace;
}

/** The organization named, if the user may create workspaces in it (owners and admins); else 403/404. */
async function organizationToCreateIn(db: Db, userId: string, idOrSlug: string) {
  const org = await findOrg(db, idOrSlug);
  const role = org ? await orgRole(db, org.id, userId) : null;
  if (!org || !role) {
    throw new ApiError("NOT_FOUND", "No such organization", {
      issues: [{ field: "organizationId", message: "You are not in an organization with this id" }],
    });
  }
  if (!orgRoleActsInWorkspaces(role)) {
    throw new ApiError("FORBIDDEN", "Only the organization's owners and admins can create workspaces in it");
  }
  return org;
}

const settingsSelect = { ...workspaceRefSelect, ...policiesSelect } as const;

/**
 * Changes workspace settings (and hygiene policies, recorded from → to like the rest); a new key prefix applies to keys minted from now on. Dropping an
 * environment is refused while keys still use it (lib/keys/environments.ts).
 */
export async function updateWorkspace(
  db: Db,
  principal: Principal,
  input: z.output<typeof updateWorkspaceSchema>,
  meta: RequestMeta,
  now: Date,
): Promise<WorkspaceRef & WorkspacePolicies> {
  const workspaceId = principal.workspace.id;
  if (input.requireTwoFactor && !principal.workspace.requireTwoFactor)
    await assertCanRequireTwoFactor(db, principal.userId);
  if (input.slug && input.slug !== principal.workspace.slug) {
    const taken = await db.organization.findUnique({ where: { slug: input.slug }, select: { id: true } });
    if (taken) {
      throw new ApiError("CONFLICT", `The URL name "${input.slug}" is taken`, {
        issues: [{ field: "slug", message: "Already taken" }],
      });
    }
  }
  const { updated, event } = await db.$transaction(async (tx) => {
    // Locked so that no key is created in an environment while its removal is being checked.
    if (input.environments) await tx.$queryRaw`SELECT "id" FROM "organization" WHERE "id" = ${workspaceId} FOR UPDATE`;
    const before = await tx.organization.findUniqueOrThrow({ where: { id: workspaceId }, select: settingsSelect });
    if (changesSecurity(before, input)) requireFreshSession(principal, now);
    if (input.environments) {
      const kept = new Set(input.environments);
      await assertEnvironmentsUnused(
        tx,
        workspaceId,
        before.environments.filter((name) => !kept.has(name)),
        now,
      );
    }
    const updated = await tx.organization.update({
      where: { id: workspaceId },
      data: input,
      select: settingsSelect,
    });
    const changed = Object.fromEntries(
      Object.keys(input).map((field) => {
        const key = field as keyof typeof input;
        return [field, { from: before[key], to: updated[key] }];
      }),
    );
    const event = await recordAudit(tx, actorOf(principal, meta), {
      workspaceId,
      action: "workspace.settings_changed",
      targetType: "workspace",
      targetId: workspaceId,
      metadata: changed,
    });
    return { updated, event };
  });
  publishChange({ type: "workspace", workspaceId }, ...auditRecorded(event));
  return updated;
}
