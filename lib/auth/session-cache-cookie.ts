/**
 * better-auth's cookie cache (`better-auth.session_data`, possibly split into `.0`, `.1` …)
 * is a copy of the session, signed, beside the session token. A value it cannot even decode
 * makes it fail the whole request (500 on every page and route), so such a value is dropped
 * before it reads the cookies: the session is then read through the token, as with no cache.
 */
const CACHE_COOKIE_NAME = /^(?:__Secure-)?better-auth\.session_data(?:\.\d+)?$/;

export function withoutUndecodableSessionCache(cookieHeader: string): string {
  if (!cookieHeader.includes("session_data")) return cookieHeader;
  const pairs = cookieHeader.split(";").map((pair) => pair.trim());
  const cache = pairs.filter((pair) => CACHE_COOKIE_NAME.test(cookieName(pair)));
  if (cache.length === 0) return cookieHeader;
  const whole = cache.find((pair) => !/\.\d+$/.test(cookieName(pair)));
  const value = whole ? cookieValue(whole) : cache.sort(byChunk).map(cookieValue).join("");
  if (isDecodable(value)) return cookieHeader;
  return pairs.filter((pair) => !CACHE_COOKIE_NAME.test(cookieName(pair))).join("; ");
}

function cookieName(pair: string): string {
  const equals = pair.indexOf("=");
  return equals === -1 ? pair : pair.slice(0, equals);
}

function cookieValue(pair: string): string {
  const equals = pair.indexOf("=");
  return equals === -1 ? "" : pair.slice(equals + 1);
}

function byChunk(a: string, b: string): number {
  const chunk = (pair: string) => Number(/\.(\d+)$/.exec(cookieName(pair))?.[1] ?? 0);
  return chunk(a) - chunk(b);
}

/** base64url of a JSON object: what better-auth's compact cache is before its signature is checked. */
function isDecodable(value: string): boolean {
  if (!/^[A-Za-z0-9_-]+$/.test(value) || value.length % 4 === 1) return false;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed);
  } catch {
    return false;
  }
}
