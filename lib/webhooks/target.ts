import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

/**
 * Where a webhook may be sent (no server-side request forgery): HTTPS to public addresses only.
 * Loopback, private, link-local, unique-local, carrier-grade NAT, multicast, documentation and
 * other special ranges are refused, in IPv4 and IPv6, including IPv4 written inside IPv6
 * (`::ffff:127.0.0.1`, `::127.0.0.1`, NAT64, 6to4, Teredo). The URL parser has already turned
 * numeric IPv4 forms (`2130706433`, `0x7f.1`) into dotted quads. KEYSMITH_WEBHOOK_ALLOW_PRIVATE=1
 * (local development) also allows plain HTTP and every address.
 *
 * Checked when an endpoint is saved and again before each attempt, after resolving the name: the
 * request then connects to the address that was checked (see send.ts), so a name that resolves
 * differently a moment later (DNS rebinding) cannot redirect it.
 */
export class TargetRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TargetRefused";
  }
}

export interface ResolvedTarget {
  url: URL;
  address: string;
  family: 4 | 6;
}

/** The URL's own shape: scheme, no credentials, and a literal address that is allowed. */
export function checkTargetUrl(raw: string, allowPrivate: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TargetRefused("Enter a full URL, such as https://example.com/webhooks");
  }
  if (url.protocol !== "https:" && !(allowPrivate && url.protocol === "http:")) {
    throw new TargetRefused(
      allowPrivate ? "Use an https:// or http:// URL" : "Use an https:// URL: webhooks are not sent over plain HTTP",
    );
  }
  if (url.username || url.password) throw new TargetRefused("Put no credentials in the URL");
  const literal = hostAddress(url);
  if (literal && !allowPrivate) assertPublic(literal);
  return url;
}

/**
 * Resolves the URL's host and checks every address it resolves to (one bad answer refuses the
 * name: an attacker's DNS may rotate). The first address is the one to connect to.
 */
export async function resolveTarget(raw: string, allowPrivate: boolean): Promise<ResolvedTarget> {
  const url = checkTargetUrl(raw, allowPrivate);
  const literal = hostAddress(url);
  if (literal) return { url, address: literal, family: isIP(literal) as 4 | 6 };
  let answers: { address: string; family: number }[];
  try {
    answers = await lookup(url.hostname, { all: true, verbatim: true });
  } catch {
    throw new TargetRefused(`${url.hostname} does not resolve`);
  }
  if (answers.length === 0) throw new TargetRefused(`${url.hostname} does not resolve`);
  if (!allowPrivate) for (const answer of answers) assertPublic(answer.address, url.hostname);
  return { url, address: answers[0].address, family: answers[0].family as 4 | 6 };
}

/** The host as an IP address when the URL names one (IPv6 comes in brackets), else null. */
function hostAddress(url: URL): string | null {
  const host = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
  return isIP(host) ? host : null;
}

/** Refuses anything but ordinary public unicast. */
export function assertPublic(address: string, name?: string): void {
  if (!isPublicAddress(address)) {
    const what = name ? `${name} resolves to ${address}, ` : `${address} is `;
    throw new TargetRefused(`${what}a private, loopback or reserved address: webhooks go to public addresses only`);
  }
}

export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // ::ffff:a.b.c.d is the IPv4 address a.b.c.d.
  const parsed = ipaddr.process(address);
  if (parsed.kind() === "ipv6") {
    const parts = (parsed as ipaddr.IPv6).parts;
    // ::a.b.c.d (IPv4-compatible, deprecated) and anything else in ::/96.
    if (parts.slice(0, 6).every((part) => part === 0)) return false;
  }
  return parsed.range() === "unicast";
}
