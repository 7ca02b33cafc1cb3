import type { z } from "zod";
import { ApiError } from "../api/errors";
import type { createWorkspaceSchema, updateWorkspaceSchema } from "../api/schemas/workspaces";
import { recordAudit } from "../audit/record";
import { actorOf, type Principal, type RequestMeta } from "../auth/principal";
import type { Db } from "../db/client";
import { auditRecorded, publishChange } from "../events/changes";
import { newId } from "../ids";
import { assertEnvironmentsUnused } from "../keys/environments";
import { type WorkspaceRef, workspaceRefSelect } from "./lookup";

export interface WorkspaceCreator {
  id: string;
  name: string;
}

/** Creates a workspace with its creator as owner. */
export async function createWorkspace(
  db: Db,
  user: WorkspaceCreator,
  input: z.output<typeof createWorkspaceSchema>,
  meta: RequestMeta,
): Promise<WorkspaceRef> {
  const taken = await db.organization.findUnique({ where: { slug: input.slug }, select: { id: true } });
  if (taken) {
    throw new ApiError("CONFLICT", `The URL name "${input.slug}" is taken`, {
      issues: [{ field: "slug", message: "Already taken" }],
    });
  }
  const workspace = await db.$transaction(async (tx) => {
    const workspace = await tx.organization.create({
      data: { id: newId("ws"), name: input.name, slug: input.slug, keyPrefix: input.keyPrefix },
      select: workspaceRefSelect,
    });
    await tx.member.create({
      data: { id: newId("mem"), organizationId: workspace.id, userId: user.id, role: "owner" },
    });
    await recordAudit(
      tx,
      { type: "user", id: user.id, label: user.name, ...meta },
      { workspaceId: workspace.id, action: "workspace.created", targetType: "workspace", targetId: workspace.id },
    );
    return workspace;
  });
  publishChange({ type: "user", userId: user.id });
  return workspace;
}

/**
 * Changes workspace settings; a new key prefix applies to keys minted from now on. Dropping an
 * environment is refused while keys still use it (lib/keys/environments.ts).
 */
export async function updateWorkspace(
  db: Db,
  principal: Principal,
  input: z.output<typeof updateWorkspaceSchema>,
  meta: RequestMeta,
  now: Date,
): Promise<WorkspaceRef> {
  const workspaceId = principal.workspace.id;
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
    const before = await tx.organization.findUniqueOrThrow({ where: { id: workspaceId }, select: workspaceRefSelect });
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
      select: workspaceRefSelect,
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
