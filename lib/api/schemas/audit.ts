import { z } from "zod";
import { AUDIT_ACTIONS } from "../../audit/actions";
import { isWellFormedId } from "../../id-format";
import { dateTimeSchema } from "../dates";
import { cursorParamSchema } from "./cursor-param";

/** The filters the audit list and its CSV export share. */
const auditFilterShape = {
  actorType: z.enum(["user", "key"]).optional(),
  actorId: z.string().min(1).max(64).optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  targetId: z.string().min(1).max(64).optional(),
  from: dateTimeSchema.optional(),
  to: dateTimeSchema.optional(),
};

const fromBeforeTo = {
  check: (query: { from?: string; to?: string }) =>
    !query.from || !query.to || new Date(query.from).getTime() < new Date(query.to).getTime(),
  params: { message: "`to` must be after `from`", path: ["to"] },
};

export const listAuditQuerySchema = z
  .strictObject({
    ...auditFilterShape,
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: cursorParamSchema.optional(),
  })
  .refine(fromBeforeTo.check, fromBeforeTo.params);
export type ListAuditQuery = z.output<typeof listAuditQuerySchema>;
export type AuditFilter = Omit<ListAuditQuery, "limit" | "cursor">;

export const exportAuditQuerySchema = z
  .strictObject({
    ...auditFilterShape,
    /** Workspace id or slug, for a download link that cannot send x-workspace-id. */
    workspace: z.string().refine(isWellFormedId, "Use a workspace id or slug").optional(),
  })
  .refine(fromBeforeTo.check, fromBeforeTo.params);

export const auditEventSchema = z
  .object({
    id: z.string(),
    workspaceId: z.string().nullable(),
    /** `label` is the user's name or the key's name when it acted; `email` is the user's current email. */
    actor: z.object({
      type: z.enum(["user", "key"]),
      id: z.string(),
      label: z.string().nullable(),
      email: z.string().nullable(),
    }),
    action: z.enum(AUDIT_ACTIONS),
    /** `label` names the target as it was then: the key's name, the member's email. */
    target: z.object({ type: z.string(), id: z.string(), label: z.string().nullable() }).nullable(),
    metadata: z.unknown().nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "AuditEvent" });
export type AuditEventView = z.output<typeof auditEventSchema>;

export const auditListSchema = z
  .object({ data: z.array(auditEventSchema), nextCursor: z.string().nullable() })
  .meta({ id: "AuditList" });
export type AuditList = z.output<typeof auditListSchema>;
