import type { Prisma } from "../generated/prisma/client";
import { newId } from "../ids";
import type { AuditAction } from "./actions";

export { AUDIT_ACTIONS, type AuditAction } from "./actions";

/** Who did something: a signed-in user or an API key, with where they called from. */
export interface Actor {
  type: "user" | "key";
  id: string;
  label: string;
  ip: string | null;
  userAgent: string | null;
}

export interface AuditEntry {
  workspaceId: string | null;
  action: AuditAction;
  targetType?: "key" | "member" | "workspace" | "invitation" | "user" | "webhook";
  targetId?: string;
  metadata?: Prisma.InputJsonValue;
}

type AuditWriter = Pick<Prisma.TransactionClient, "auditEvent">;

/** An audit event written in a transaction: announced (auditRecorded) once it commits. */
export interface RecordedAudit {
  id: string;
  workspaceId: string | null;
}

/** Appends an audit event; call it inside the transaction of the change it records. */
export async function recordAudit(tx: AuditWriter, actor: Actor, entry: AuditEntry): Promise<RecordedAudit> {
  const data = auditRow(actor, entry);
  await tx.auditEvent.create({ data });
  return { id: data.id, workspaceId: data.workspaceId };
}

/** Many events by one actor in one statement (an import's key.created events), in the caller's transaction. */
export async function recordAudits(tx: AuditWriter, actor: Actor, entries: AuditEntry[]): Promise<RecordedAudit[]> {
  const data = entries.map((entry) => auditRow(actor, entry));
  await tx.auditEvent.createMany({ data });
  return data.map(({ id, workspaceId }) => ({ id, workspaceId }));
}

function auditRow(actor: Actor, entry: AuditEntry) {
  return {
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
  };
}
