import { isAPIError } from "better-auth/api";
import type { z } from "zod";
import { ApiError, validationError } from "../api/errors";
import type { reauthenticateSchema } from "../api/schemas/me";
import { recordAccountEvent } from "../audit/account-events";
import type { Db } from "../db/client";
import { assertNotLimited, countAgainstLimit, type RequestLimit } from "../http/request-limit";
import type { Auth } from "./auth";
import type { RequestMeta } from "./principal";

export type Reauthentication = z.output<typeof reauthenticateSchema>;

/** Wrong answers per session and window: a person mistypes a few, a borrowed cookie guessing runs out. */
export const REAUTH_FAILURES_PER_WINDOW = 5;
export const REAUTH_WINDOW_MS = 10 * 60_000;

const WRONG_ANSWER_LIMIT: RequestLimit = {
  name: "reauth-limiter",
  perWindow: REAUTH_FAILURES_PER_WINDOW,
  windowMs: REAUTH_WINDOW_MS,
  refusal: "Too many wrong answers: try again later",
};

interface Caller {
  sessionId: string;
  user: { id: string; name: string; email: string };
  headers: Headers;
  meta: RequestMeta;
}

/**
 * "Confirm it's you" for a signed-in session whose sign-in is too old for a sensitive action
 * (lib/auth/fresh-session.ts): the password, plus the authenticator code or a backup code when
 * two-factor is on, checked by better-auth against the session's own user. The session then
 * counts as freshly signed in: no new session, no cookie lost half-way (a second sign-in of a
 * two-factor account would drop the session cookie until its code is typed). A wrong answer is
 * audited as a failed sign-in.
 */
export async function reauthenticate(
  db: Db,
  auth: Auth,
  caller: Caller,
  input: Reauthentication,
  now: Date,
): Promise<Date> {
  assertNotLimited(WRONG_ANSWER_LIMIT, caller.sessionId, now);

  const account = await db.user.findUnique({ where: { id: caller.user.id }, select: { twoFactorEnabled: true } });
  if (account?.twoFactorEnabled && !input.code && !input.backupCode) {
    throw validationError([{ field: "code", message: "Enter the 6-digit code from your authenticator app" }]);
  }
  const failure = await wrongAnswer(auth, caller.headers, input, account?.twoFactorEnabled ?? false);
  if (failure) {
    countAgainstLimit(WRONG_ANSWER_LIMIT, caller.sessionId, now);
    await recordAccountEvent(db, caller.user, "user.sign_in_failed", caller.meta, { reauthentication: true });
    throw new ApiError("REAUTHENTICATION_FAILED", failure.message, { issues: [failure] });
  }
  await db.session.update({ where: { id: caller.sessionId }, data: { reauthenticatedAt: now } });
  return now;
}

/** The first wrong part of the answer, as a field issue, or null when all of it is right. */
async function wrongAnswer(auth: Auth, headers: Headers, input: Reauthentication, twoFactor: boolean) {
  if (!(await accepted(auth.api.verifyPassword({ body: { password: input.password }, headers })))) {
    return { field: "password", message: "Wrong password" };
  }
  if (!twoFactor) return null;
  if (input.code) {
    const ok = await accepted(auth.api.verifyTOTP({ body: { code: input.code }, headers }));
    return ok ? null : { field: "code", message: "Wrong or expired code" };
  }
  // A backup code is used up by this, as by a sign-in.
  const ok = await accepted(
    auth.api.verifyBackupCode({ body: { code: input.backupCode ?? "", disableSession: true }, headers }),
  );
  return ok ? null : { field: "backupCode", message: "Wrong or already used backup code" };
}

/** better-auth refuses with an APIError; anything else is ours to surface as a 500. */
async function accepted(check: Promise<unknown>): Promise<boolean> {
  try {
    await check;
    return true;
  } catch (error) {
    if (isAPIError(error) && error.statusCode < 500) return false;
    throw error;
  }
}
