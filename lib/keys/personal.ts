import { ApiError } from "../api/errors";
import { recordAudit } from "../audit/record";
import { requireFreshSession } from "../auth/fresh-session";
import type { Principal, RequestMeta } from "../auth/principal";
import { actorOf } from "../auth/principal";
import type { Db } from "../db/client";
import { publishChange } from "../events/changes";
import type { KeyRow } from "./serialize";
import { type CreatedKey, createdBySelect, insertKey, keyCreated, type RotateOptions, rotateKeyRow } from "./service";

/**
 * One permanent personal key per user, usable in every workspace the user belongs to
 * with the user's role there (x-workspace-id picks the workspace when there are several).
 */
export const PERSONAL_KEY_PREFIX = "user";

export async function getPersonalKey(db: Db, userId: string): Promise<KeyRow | null> {
  return db.apiKey.findFirst({
    where: { kind: "personal", createdById: userId, revokedAt: null, rotatedAt: null },
    include: createdBySelect,
  });
}

/**
 * Creates the user's personal key, or rotates it (the old one dies after the grace period).
 * `first`: only the account's first one (sign-up, or an older account's next sign-in): a user
 * who has or ever had a personal key gets a CONFLICT instead, so a revoked key stays revoked.
 */
export async function issuePersonalKey(
  db: Db,
  principal: Principal,
  options: RotateOptions & { first: boolean },
  meta: RequestMeta,
  now: Date,
): Promise<CreatedKey & { previous: KeyRow | null }> {
  if (principal.type === "key") throw new ApiError("FORBIDDEN", "You can't mint a key with a key");
  // A personal key is live, and acts in every workspace of its user.
  requireFreshSession(principal, now);
  const { first } = options;
  const issued = await db.$transaction(async (tx) => {
    // Serialise concurrent requests of the same user so only one personal key is live.
    await tx.$queryRaw`SELECT "id" FROM "user" WHERE "id" = ${principal.userId} FOR UPDATE`;
    if (first) {
      const earlier = await tx.apiKey.count({ where: { kind: "personal", createdById: principal.userId } });
      if (earlier > 0)
        throw new ApiError("CONFLICT", "You already have (or had) a personal key: first is for the first one");
    }
    const current = await tx.apiKey.findFirst({
      where: { kind: "personal", createdById: principal.userId, revokedAt: null, rotatedAt: null },
      include: createdBySelect,
    });
    const issued = current
      ? await rotateKeyRow(tx, current, PERSONAL_KEY_PREFIX, options, now)
      : {
          ...(await insertKey(
            tx,
            {
              kind: "personal",
              workspaceId: null,
              prefix: PERSONAL_KEY_PREFIX,
              name: `${principal.userName}'s personal key`.slice(0, 50),
              description: null,
              environment: "live",
              scopes: [],
              ipAllowlist: [],
              expiresAt: null,
              createdById: principal.userId,
            },
            now,
          )),
          previous: null,
        };
    await recordAudit(tx, actorOf(principal, meta), {
      workspaceId: null,
      action: current ? "key.rotated" : "key.created",
      targetType: "key",
      targetId: current?.id ?? issued.row.id,
      metadata: { personal: true, replacedBy: current ? issued.row.id : null },
    });
    return issued;
  });
  publishChange(keyCreated(issued));
  if (issued.previous) publishChange({ type: "key", keyId: issued.previous.id });
  return issued;
}

/**
 * Revokes the user's personal key at once (GET answers null afterwards; POST creates a new one).
 * Signed-in users only, as for issuing it.
 */
export async function revokePersonalKey(db: Db, principal: Principal, meta: RequestMeta, now: Date): Promise<KeyRow> {
  if (principal.type === "key") {
    throw new ApiError("FORBIDDEN", "Sign in to revoke your personal key: a key can't do it");
  }
  const revoked = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "user" WHERE "id" = ${principal.userId} FOR UPDATE`;
    const current = await tx.apiKey.findFirst({
      where: { kind: "personal", createdById: principal.userId, revokedAt: null, rotatedAt: null },
    });
    if (!current) throw new ApiError("NOT_FOUND", "You have no personal key to revoke");
    const revoked = await tx.apiKey.update({
      where: { id: current.id },
      data: { revokedAt: now, revokedById: principal.userId },
      include: createdBySelect,
    });
    await recordAudit(tx, actorOf(principal, meta), {
      workspaceId: null,
      action: "key.revoked",
      targetType: "key",
      targetId: current.id,
      metadata: { personal: true, name: current.name },
    });
    return revoked;
  });
  // After the commit: every instance drops the key from its cache, so it stops verifying now.
  publishChange({ type: "key", keyId: revoked.id });
  return revoked;
}
