import type { RequestMeta } from "../auth/principal";
import type { Db } from "../db/client";
import { auditRecorded, publishChange } from "../events/changes";
import type { Prisma } from "../generated/prisma/client";
import type { AuditAction } from "./actions";
import { recordAudits } from "./record";

export interface AccountUser {
  id: string;
  name: string;
  email: string;
}

/**
 * An event about a user's own account (a sign-in, a failed one, a two-factor change, a password
 * reset) goes into the audit log of every workspace they belong to: their admins are the ones
 * who should notice an account being attacked. A user with no workspace leaves no trace.
 */
export async function recordAccountEvent(
  db: Db,
  user: AccountUser,
  action: Extract<AuditAction, `user.${string}`>,
  meta: RequestMeta,
  metadata: Record<string, Prisma.InputJsonValue> = {},
): Promise<void> {
  const memberships = await db.member.findMany({ where: { userId: user.id }, select: { organizationId: true } });
  if (memberships.length === 0) return;
  const actor = { type: "user" as const, id: user.id, label: user.name, ...meta };
  const events = await recordAudits(
    db,
    actor,
    memberships.map(({ organizationId }) => ({
      workspaceId: organizationId,
      action,
      targetType: "user" as const,
      targetId: user.id,
      metadata: { email: user.email, ...metadata },
    })),
  );
  publishChange(...auditRecorded(...events));
}
