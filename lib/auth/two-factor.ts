import { ApiError, validationError } from "../api/errors";
import type { Db } from "../db/client";

/** Where a member sets up two-factor (the /account page's cards). */
export const TWO_FACTOR_SETUP_PATH = "/account#two-factor";

/** Whether the user has a second factor: TOTP confirmed with a code, or at least one passkey. */
export async function hasSecondFactor(db: Db, userId: string): Promise<boolean> {
  const [user, passkeys] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { twoFactorEnabled: true } }),
    db.passkey.count({ where: { userId } }),
  ]);
  return Boolean(user?.twoFactorEnabled) || passkeys > 0;
}

/**
 * Whether the workspace's "members must use two-factor" setting shuts this user out of it.
 * Only sessions are checked: API keys are not affected (the setting is about signing in).
 */
export async function blockedByTwoFactorRule(
  db: Db,
  workspace: { requireTwoFactor: boolean },
  userId: string,
): Promise<boolean> {
  return workspace.requireTwoFactor && !(await hasSecondFactor(db, userId));
}

export async function assertTwoFactorRule(db: Db, workspace: { requireTwoFactor: boolean }, userId: string) {
  if (await blockedByTwoFactorRule(db, workspace, userId)) {
    throw new ApiError(
      "FORBIDDEN",
      `Two-factor authentication is required by this workspace: set up an authenticator app or a passkey on ${TWO_FACTOR_SETUP_PATH}`,
    );
  }
}

/** Turning the rule on needs a second factor of one's own: otherwise the change would shut its author out at once. */
export async function assertCanRequireTwoFactor(db: Db, userId: string) {
  if (!(await hasSecondFactor(db, userId))) {
    throw validationError([
      {
        field: "requireTwoFactor",
        message: `Set up two-factor on your own account first (${TWO_FACTOR_SETUP_PATH}): otherwise this would shut you out`,
      },
    ]);
  }
}
