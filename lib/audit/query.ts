import { decodeCursor, encodeCursor } from "../api/cursor";
import { type AuditEventView, auditEventSchema, type ListAuditQuery } from "../api/schemas/audit";
import type { Db } from "../db/client";
import type { AuditEvent, Prisma } from "../generated/prisma/client";

/** Newest first, keyset-paginated on (createdAt, id). */
export async function listAudit(db: Db, workspaceId: string, query: ListAuditQuery) {
  const and: Prisma.AuditEventWhereInput[] = [{ workspaceId }];
  if (query.actorType) and.push({ actorType: query.actorType });
  if (query.actorId) and.push({ actorId: query.actorId });
  if (query.action) and.push({ action: query.action });
  if (query.targetId) and.push({ targetId: query.targetId });
  if (query.from) and.push({ createdAt: { gte: new Date(query.from) } });
  if (query.to) and.push({ createdAt: { lt: new Date(query.to) } });
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor);
    const at = new Date(cursor.value);
    and.push({ OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: cursor.id } }] });
  }
  const rows = await db.auditEvent.findMany({
    where: { AND: and },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const more = rows.length > query.limit;
  const page = more ? rows.slice(0, query.limit) : rows;
  const last = page.at(-1);
  return {
    rows: page,
    nextCursor: more && last ? encodeCursor({ value: last.createdAt.toISOString(), id: last.id }) : null,
  };
}

export function toAuditEventView(row: AuditEvent): AuditEventView {
  return auditEventSchema.parse({
    id: row.id,
    workspaceId: row.workspaceId,
    actor: { type: row.actorType, id: row.actorId, label: row.actorLabel },
    action: row.action,
    target: row.targetType && row.targetId ? { type: row.targetType, id: row.targetId } : null,
    metadata: row.metadata ?? null,
    ip: row.ip,
    userAgent: row.userAgent,
    createdAt: row.createdAt.toISOString(),
  });
}
