/**
 * Which origins may send cookie-authenticated mutations (the CSRF rule), shared by our
 * /api/v1 wrapper, the guard in front of better-auth and better-auth's own trustedOrigins.
 */

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * The configured public URL's origin. When that URL is a loopback address the same server is
 * also reachable under the other loopback names (a developer's browser, the benchmarks), so
 * those count too, with the same scheme and port; a public deployment trusts exactly one origin.
 */
export function trustedOrigins(publicUrl: string): string[] {
  const url = new URL(publicUrl);
  if (!LOOPBACK_HOSTS.has(url.hostname)) return [url.origin];
  const port = url.port ? `:${url.port}` : "";
  return [url.origin, ...[...LOOPBACK_HOSTS].map((host) => `${url.protocol}//${host}${port}`)].filter(
    (origin, i, all) => all.indexOf(origin) === i,
  );
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A mutation must carry an Origin header equal, as a string, to a trusted origin. Browsers
 * send the serialized origin (scheme, host, port; never userinfo or a path), so an exact
 * comparison refuses `http://evil@localhost:3000`, which `new URL(…).origin` would have
 * reduced to ours. No Origin at all is refused too: every browser sends one on a
 * cross-origin or non-GET fetch, and X-Forwarded-Host or Host are never consulted.
 */
export function isAllowedMutation(method: string, origin: string | null, trusted: readonly string[]): boolean {
  if (SAFE_METHODS.has(method)) return true;
  return origin !== null && trusted.includes(origin);
}
