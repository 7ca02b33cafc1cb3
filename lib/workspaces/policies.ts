import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";

/**
 * A workspace's hygiene policies. Read from the database where they are enforced (inside the
 * transaction that creates, rotates or edits a key) rather than carried on the principal: the
 * verification path builds workspaces without them, and a policy must never be skipped for it.
 */
export interface WorkspacePolicies {
  /** Keys must expire within this many days (null: no limit; lib/keys/lifetime-policy.ts). */
  maxKeyLifetimeDays: number | null;
  /** Keys unused this many days are disabled (null: off; lib/keys/unused-key-sweeper.ts). */
  disableUnusedKeysAfterDays: number | null;
}

export const policiesSelect = { maxKeyLifetimeDays: true, disableUnusedKeysAfterDays: true } as const;

export const NO_POLICIES: WorkspacePolicies = { maxKeyLifetimeDays: null, disableUnusedKeysAfterDays: null };

export async function readPolicies(db: Db | Prisma.TransactionClient, workspaceId: string): Promise<WorkspacePolicies> {
  return (await db.organization.findUnique({ where: { id: workspaceId }, select: policiesSelect })) ?? NO_POLICIES;
}
