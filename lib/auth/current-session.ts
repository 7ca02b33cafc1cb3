import type { Auth } from "./auth";

/**
 * The request's session as stored, not as better-auth's 60-second cookie cache remembers it:
 * a session ended from the account page (or by signing out elsewhere) must stop working on
 * its next request. One indexed read per dashboard request; API keys never come here.
 */
export function currentSession(auth: Auth, headers: Headers) {
  return auth.api.getSession({ headers, query: { disableCookieCache: true } });
}
