import { assertWithinLimit, type RequestLimit } from "../http/request-limit";

/**
 * Login requests per address: a person needs one, a script hammering the endpoint fills the
 * table. Off with KEYSMITH_AUTH_RATE_LIMIT=off, as better-auth's sign-in limit.
 */
export const LOGIN_REQUESTS_PER_WINDOW = 10;
export const LOGIN_WINDOW_MS = 10 * 60_000;

const LOGIN_REQUEST_LIMIT: RequestLimit = {
  name: "cli-login-limiter",
  perWindow: LOGIN_REQUESTS_PER_WINDOW,
  windowMs: LOGIN_WINDOW_MS,
  refusal: "Too many login requests from this address: try again later",
};

export function assertLoginRequestAllowed(address: string | null, now: Date): void {
  assertWithinLimit(LOGIN_REQUEST_LIMIT, address ?? "", now);
}
