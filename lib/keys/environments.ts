import { ApiError } from "../api/errors";
import type { Prisma } from "../generated/prisma/client";
import type { Environment } from "./shape";

type Tx = Prisma.TransactionClient;

const quoted = (names: readonly string[]) => names.map((name) => `"${name}"`).join(", ");

/**
 * The environment a new key goes in: the one asked for, which must be one of the workspace's,
 * else the workspace's first. Reads the workspace row FOR SHARE inside the creating transaction,
 * so a concurrent removal of that environment (which locks it FOR UPDATE) waits or is seen.
 */
export async function environmentForNewKey(
  tx: Tx,
  workspaceId: string,
  requested: Environment | undefined,
): Promise<Environment> {
  return chooseEnvironment(await workspaceEnvironments(tx, workspaceId), requested, "environment");
}

/** The workspace's environments, read FOR SHARE (see environmentForNewKey). */
export async function workspaceEnvironments(tx: Tx, workspaceId: string): Promise<string[]> {
  const [row] = await tx.$queryRaw<{ environments: string[] }[]>`SELECT "environments" FROM "organization"
    WHERE "id" = ${workspaceId} FOR SHARE`;
  if (!row?.environments.length) throw new Error(`workspace ${workspaceId} has no environment`);
  return row.environments;
}

/** `requested` if it is one of `allowed` (else a 400 naming `field`), or the first of them. */
export function chooseEnvironment(allowed: readonly string[], requested: string | undefined, field: string): string {
  if (requested === undefined) return allowed[0];
  if (allowed.includes(requested)) return requested;
  const message = `"${requested}" is not one of this workspace's environments: ${quoted(allowed)}`;
  throw new ApiError("VALIDATION_FAILED", `${field}: ${message}`, {
    issues: [{ field, message }],
    allowed,
  });
}

/**
 * Refuses (409) to drop an environment that keys still use. A key still uses its environment
 * while it is not revoked and is not a rotated-out key past its grace: that counts expired keys
 * (a rotation with expiry "renew" brings one back, in its environment) and disabled ones (they
 * can be enabled again), but not keys that can never verify again. Call it in the transaction
 * that writes the list, after locking the workspace row.
 */
export async function assertEnvironmentsUnused(
  tx: Tx,
  workspaceId: string,
  removed: readonly Environment[],
  now: Date,
): Promise<void> {
  if (removed.length === 0) return;
  const inUse = await tx.apiKey.groupBy({
    by: ["environment"],
    where: {
      workspaceId,
      kind: "workspace",
      environment: { in: [...removed] },
      revokedAt: null,
      OR: [{ rotatedAt: null }, { expiresAt: { gt: now } }],
    },
    _count: { _all: true },
  });
  if (inUse.length === 0) return;
  const parts = inUse
    .sort((a, b) => removed.indexOf(a.environment) - removed.indexOf(b.environment))
    .map(
      ({ environment, _count }) =>
        `${_count._all} ${_count._all === 1 ? "key still uses" : "keys still use"} "${environment}"`,
    );
  const total = inUse.reduce((sum, { _count }) => sum + _count._all, 0);
  const message = `${parts.join("; ")}: revoke ${total === 1 ? "it" : "them"} first`;
  throw new ApiError("CONFLICT", message, {
    issues: [{ field: "environments", message }],
    inUse: Object.fromEntries(inUse.map(({ environment, _count }) => [environment, _count._all])),
  });
}
