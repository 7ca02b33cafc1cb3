import { z } from "zod";
import { AUDIT_ACTIONS } from "../../audit/record";

export const listAuditQuerySchema = z.strictObject({
  actorType: z.enum(["user", "key"]).optional(),
  actorId: z.string().min(1).max(64).optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  targetId: z.string().min(1).max(64).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(400).optional(),
});
export type ListAuditQuery = z.output<typeof listAuditQuerySchema>;

export const auditEventSchema = z.object({
  id: z.string(),
  workspaceId: z.string().nullable(),
  actor: z.object({ type: z.enum(["user", "key"]), id: z.string(), label: z.string().nullable() }),
  action: z.enum(AUDIT_ACTIONS),
  target: z.object({ type: z.string(), id: z.string() }).nullable(),
  metadata: z.unknown().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  createdAt: z.string(),
});
export type AuditEventView = z.output<typeof auditEventSchema>;

export const auditListSchema = z.object({ data: z.array(auditEventSchema), nextCursor: z.string().nullable() });
