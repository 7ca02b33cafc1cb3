import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * The browser-facing defences every response served through Next carries (server.ts sets
 * them before Next runs, so pages, route handlers, better-auth and static files alike).
 */
export interface SecurityHeaders {
  /** Headers that are the same on every response. */
  fixed: Readonly<Record<string, string>>;
  /** The Content-Security-Policy for one response, allowing the scripts that carry `nonce`. */
  contentSecurityPolicy(nonce: string): string;
}

export interface SecurityHeaderOptions {
  /** BETTER_AUTH_URL (or its default): HSTS and upgrade-insecure-requests only when it is https. */
  publicUrl: string;
  /** `next dev`: React's dev build needs eval to rebuild server error stacks. */
  dev: boolean;
}

/** Two years: the value browsers' preload lists expect, and long enough to matter. */
const HSTS_MAX_AGE_S = 63_072_000;

export function securityHeaders({ publicUrl, dev }: SecurityHeaderOptions): SecurityHeaders {
  const https = new URL(publicUrl).protocol === "https:";
  const fixed: Record<string, string> = {
    // Older browsers that ignore frame-ancestors; both refuse framing (clickjacking the dialogs).
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    // Full URLs (a key's page, an invite link) stay on this site; other sites see only the origin.
    "referrer-policy": "strict-origin-when-cross-origin",
  };
  // Over plain http (local use) an HSTS header would be ignored, or pin localhost to https.
  if (https) fixed["strict-transport-security"] = `max-age=${HSTS_MAX_AGE_S}; includeSubDomains`;

  const constant = [
    "default-src 'self'",
    // Styles stay 'unsafe-inline': Sonner and Radix insert <style> elements with no nonce, and
    // style attributes cannot carry one. Scripts are what an injected tag could abuse.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
  // Next reads the nonce from this header on the request and puts it on every script it writes;
  // 'strict-dynamic' lets those scripts load the chunks they need, and nothing else runs.
  const scripts = (nonce: string) =>
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`;
  return {
    fixed,
    contentSecurityPolicy: (nonce) => `${scripts(nonce)}; ${constant}`,
  };
}

/** The request header the root layout reads the nonce from (for next-themes' inline script). */
export const NONCE_HEADER = "x-nonce";

/**
 * Sets the headers on `res` and hands the nonce to Next through the request: as the policy
 * itself (Next takes its scripts' nonce from there) and as NONCE_HEADER. Both overwrite
 * whatever the client sent under those names.
 */
export function applySecurityHeaders(req: IncomingMessage, res: ServerResponse, headers: SecurityHeaders): void {
  const nonce = randomBytes(16).toString("base64");
  const policy = headers.contentSecurityPolicy(nonce);
  for (const name in headers.fixed) res.setHeader(name, headers.fixed[name]);
  res.setHeader("content-security-policy", policy);
  req.headers["content-security-policy"] = policy;
  delete req.headers["content-security-policy-report-only"];
  req.headers[NONCE_HEADER] = nonce;
}
