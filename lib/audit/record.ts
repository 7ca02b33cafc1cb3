import type { Prisma } from "../generated/prisma/client";
import { newId } from "../ids";

/** Who did something: a signed-in user or an API key, with where they called from. */
export interface Actor {
  type: "user" | "key";
  id: string;
  label: string;
  ip: string | null;
  userAgent: string | null;
}

export const AUDIT_ACTIONS = [
  "workspace.created",
  "workspace.settings_changed",
  "key.created",
  "key.updated",
  "key.rotated",
  "key.revoked",
  "member.invited",
  "member.invitation_canceled",
  "member.joined",
  "member.role_changed",
  "member.removed",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  workspaceId: string | null;
  action: AuditAction;
  targetType?: "key" | "member" | "workspace" | "invitation";
  targetId?: string;
  metadata?: Prisma.InputJsonValue;
}

type AuditWriter = Pick<Prisma.TransactionClient, "auditEvent">;

/** Appends an audit event; call it inside the transaction of the change it records. */
export async function recordAudit(tx: AuditWriter, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      id: newId("evt"),
      workspaceId: entry.workspaceId,
      actorType: actor.type,
      actorId: actor.id,
      actorLabel: actor.label,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      metadata: entry.metadata,
      ip: actor.ip,
      userAgent: actor.userAgent,
    },
  });
}
