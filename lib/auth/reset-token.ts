import type { Db } from "../db/client";

/**
 * Whether a password-reset token can still be used: better-auth keeps it as a verification
 * row `reset-password:<token>` until it is used (then deleted) or expires. The reset page
 * asks first, so an old link says so at once rather than after the user typed a new password.
 */
export async function isResetTokenOpen(db: Db, token: string, now: Date): Promise<boolean> {
  const row = await db.verification.findFirst({
    where: { identifier: `reset-password:${token}`, expiresAt: { gt: now } },
    select: { id: true },
  });
  return row !== null;
}
