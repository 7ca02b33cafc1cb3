import { ApiError } from "../api/errors";
import { systemNow } from "../clock";
import { config } from "../config";

/** Who is acting, as far as freshness goes: when their session signed in, or null for an API key. */
export interface SignedInCaller {
  signedInAt: Date | null;
}

/**
 * The one check for sensitive actions (live keys, custom scopes, roles, removals, security
 * settings): a session must have signed in within KEYSMITH_REAUTH_MAX_AGE_S, so that a
 * borrowed laptop or a stolen cookie cannot do them. API keys are not affected: they are
 * credentials made for machines, each already limited by its scopes.
 */
export function requireFreshSession(caller: SignedInCaller, now: Date = systemNow()): void {
  if (caller.signedInAt === null) return;
  if (isFreshSignIn(caller.signedInAt, now)) return;
  throw new ApiError(
    "REAUTHENTICATION_REQUIRED",
    "This action needs a recent sign-in: sign in again (confirm your password) and retry",
  );
}

/**
 * When a session last proved its user: its sign-in (better-auth makes a new session for each),
 * or a later "confirm it's you" (lib/auth/reauthenticate.ts). The cookie cache may hand dates
 * over as strings.
 */
export function sessionSignedInAt(session: {
  createdAt: Date | string;
  reauthenticatedAt?: Date | string | null;
}): Date {
  const signedIn = new Date(session.createdAt);
  if (!session.reauthenticatedAt) return signedIn;
  const confirmed = new Date(session.reauthenticatedAt);
  return confirmed > signedIn ? confirmed : signedIn;
}

export function isFreshSignIn(
  signedInAt: Date,
  now: Date,
  maxAgeSeconds = config().KEYSMITH_REAUTH_MAX_AGE_S,
): boolean {
  return now.getTime() - signedInAt.getTime() <= maxAgeSeconds * 1000;
}

/**
 * Environments other than `test` are treated as live: a workspace's environment list is its
 * own (`staging`, `prod` …) and only `test` is known to hold nothing that matters.
 */
export function isLiveLike(environment: string): boolean {
  return environment !== "test";
}
