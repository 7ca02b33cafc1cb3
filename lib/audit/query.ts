import { decodeCursor, encodeCursor } from "../api/cursor";
import {
  type AuditEventView,
  type AuditFilter,
  type AuditList,
  auditEventSchema,
  auditListSchema,
  type ListAuditQuery,
} from "../api/schemas/audit";
import type { Db } from "../db/client";
import type { AuditEvent, Prisma } from "../generated/prisma/client";
import { auditTargetLabel } from "./describe";

/** Newest first, keyset-paginated on (createdAt, id). */
export async function listAudit(db: Db, workspaceId: string, query: ListAuditQuery) {
  const and = filterConditions(workspaceId, query);
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor, "date");
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

function filterConditions(workspaceId: string, filter: AuditFilter): Prisma.AuditEventWhereInput[] {
  const and: Prisma.AuditEventWhereInput[] = [{ workspaceId }];
  if (filter.actorType) and.push({ actorType: filter.actorType });
  if (filter.actorId) and.push({ actorId: filter.actorId });
  if (filter.action) and.push({ action: filter.action });
  if (filter.targetId) and.push({ targetId: filter.targetId });
  if (filter.from) and.push({ createdAt: { gte: new Date(filter.from) } });
  if (filter.to) and.push({ createdAt: { lt: new Date(filter.to) } });
  return and;
}

/** What GET /api/v1/audit answers (and what the audit log and key pages render first on the server). */
export async function auditListView(db: Db, workspaceId: string, query: ListAuditQuery): Promise<AuditList> {
  const page = await listAudit(db, workspaceId, query);
  return auditListSchema.parse({ data: await toAuditEventViews(db, page.rows), nextCursor: page.nextCursor });
}

/** Every event matching `filter`, newest first, read a page at a time so memory stays flat. */
export async function* allAuditEvents(db: Db, workspaceId: string, filter: AuditFilter, pageSize = 500) {
  let cursor: string | undefined;
  do {
    const page = await listAudit(db, workspaceId, { ...filter, limit: pageSize, cursor });
    yield await toAuditEventViews(db, page.rows);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/** The API's view of a page of events, with each acting user's current email. */
export async function toAuditEventViews(db: Db, rows: AuditEvent[]): Promise<AuditEventView[]> {
  const userIds = [...new Set(rows.filter((row) => row.actorType === "user").map((row) => row.actorId))];
  const users = userIds.length
    ? await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } })
    : [];
  const emails = new Map(users.map((user) => [user.id, user.email]));
  return rows.map((row) => toAuditEventView(row, emails.get(row.actorId) ?? null));
}

export function toAuditEventView(row: AuditEvent, actorEmail: string | null = null): AuditEventView {
  return auditEventSchema.parse({
    id: row.id,
    workspaceId: row.workspaceId,
    actor: {
      type: row.actorType,
      id: row.actorId,
      label: row.actorLabel,
      email: row.actorType === "user" ? actorEmail : null,
    },
    action: row.action,
    target:
      row.targetType && row.targetId
        ? { type: row.targetType, id: row.targetId, label: auditTargetLabel(row.targetType, row.metadata) }
        : null,
    metadata: row.metadata ?? null,
    ip: row.ip,
    userAgent: row.userAgent,
    createdAt: row.createdAt.toISOString(),
  });
}
