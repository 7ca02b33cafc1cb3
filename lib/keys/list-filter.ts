import type { Cursor } from "../api/cursor";
import type { ListKeysQuery } from "../api/schemas/keys";
import type { Prisma } from "../generated/prisma/client";
import { EXPIRING_SOON_MS, type KeyStatus } from "./expiry";

/** The SQL condition for each status, mirroring keyStatus() in expiry.ts. */
export function statusCondition(status: KeyStatus, now: Date): Prisma.ApiKeyWhereInput {
  const soon = new Date(now.getTime() + EXPIRING_SOON_MS);
  switch (status) {
    case "revoked":
      return { revokedAt: { not: null } };
    case "expired":
      return { revokedAt: null, expiresAt: { lte: now } };
    case "in_grace":
      return { revokedAt: null, rotatedAt: { not: null }, expiresAt: { gt: now } };
    case "expiring_soon":
      return { revokedAt: null, rotatedAt: null, expiresAt: { gt: now, lte: soon } };
    case "active":
      return { revokedAt: null, rotatedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: soon } }] };
  }
}

/**
 * Keyset pagination on (sort column, id): deep pages cost the same as the first. Walking
 * backwards (`before`) reads the same index in the opposite order from the cursor; the
 * caller puts the rows back in the requested order.
 */
export function keyListWhere(
  workspaceId: string,
  query: ListKeysQuery,
  cursor: Cursor | null,
  now: Date,
  direction: "after" | "before" = "after",
) {
  const order = direction === "after" ? query.order : query.order === "desc" ? "asc" : "desc";
  const and: Prisma.ApiKeyWhereInput[] = [{ workspaceId, kind: "workspace" }];
  if (query.environment) and.push({ environment: query.environment });
  if (query.creator) and.push({ createdById: query.creator });
  if (query.search) and.push({ name: { contains: query.search, mode: "insensitive" } });
  if (query.status?.length) and.push({ OR: query.status.map((status) => statusCondition(status, now)) });
  if (cursor) {
    const value = query.sort === "createdAt" ? new Date(cursor.value) : cursor.value;
    const beyond = order === "desc" ? "lt" : "gt";
    and.push({
      OR: [{ [query.sort]: { [beyond]: value } }, { [query.sort]: value, id: { [beyond]: cursor.id } }],
    });
  }
  const orderBy: Prisma.ApiKeyOrderByWithRelationInput[] = [{ [query.sort]: order }, { id: order }];
  return { where: { AND: and }, orderBy };
}
