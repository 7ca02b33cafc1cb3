import { type CreatedKeyView, createdKeySchema, type KeyView, keySchema } from "../api/schemas/keys";
import type { ApiKey } from "../generated/prisma/client";
import { expiryWindowOf, keyStatus } from "./expiry";

export type KeyRow = ApiKey & { createdBy?: { id: string; name: string; email: string } | null };

/** What a key's view is made from: the list reads just these (no hash) in one query. */
export type KeyListRow = Pick<
  ApiKey,
  | "id"
  | "kind"
  | "workspaceId"
  | "orgId"
  | "name"
  | "description"
  | "maskedKey"
  | "environment"
  | "scopes"
  | "ipAllowlist"
  | "enabled"
  | "expiresAt"
  | "expiryWindowMs"
  | "createdAt"
  | "createdById"
  | "revokedAt"
  | "rotatedAt"
  | "replacedById"
  | "rateLimitMax"
  | "rateLimitWindowMs"
  | "lastUsedAt"
  | "lastUsedIp"
  | "lastUsedUserAgent"
> & { createdBy?: KeyRow["createdBy"] };

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** Every key leaves the API through keySchema, so a hash can never slip out. */
export function toKeyView(row: KeyListRow, now: Date): KeyView {
  return keySchema.parse({
    id: row.id,
    kind: row.kind,
    workspaceId: row.workspaceId,
    organizationId: row.orgId,
    name: row.name,
    description: row.description,
    maskedKey: row.maskedKey,
    environment: row.environment,
    scopes: row.scopes,
    ipAllowlist: row.ipAllowlist,
    enabled: row.enabled,
    status: keyStatus(row, now),
    expiresAt: iso(row.expiresAt),
    // Meaningful while the key may still be rotated; a rotated key's expiresAt is its grace's end.
    expiryWindowMs: row.expiresAt && !row.rotatedAt ? expiryWindowOf(row) : null,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy ?? null,
    revokedAt: iso(row.revokedAt),
    rotatedAt: iso(row.rotatedAt),
    replacedById: row.replacedById,
    rateLimit:
      row.rateLimitMax && row.rateLimitWindowMs ? { max: row.rateLimitMax, windowMs: row.rateLimitWindowMs } : null,
    lastUsedAt: iso(row.lastUsedAt),
    lastUsedIp: row.lastUsedIp,
    lastUsedUserAgent: row.lastUsedUserAgent,
  });
}

export function toCreatedKeyView(row: KeyRow, secret: string, now: Date): CreatedKeyView {
  return createdKeySchema.parse({ ...toKeyView(row, now), key: secret });
}
