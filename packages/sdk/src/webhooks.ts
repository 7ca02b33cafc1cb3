/**
 * Verifying Keysmith's webhooks, as the Standard Webhooks specification describes
 * (https://www.standardwebhooks.com): the `webhook-signature` header lists `v1,<base64>`
 * signatures, each an HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` keyed with the
 * base64-decoded part of the endpoint's `whsec_…` secret. Web Crypto only: Node.js 20+, Deno,
 * Bun, edge runtimes.
 */

/** What Keysmith sends: an audit event (or `webhook.test`). */
export interface WebhookEvent {
  type: string;
  /** When the event happened (ISO 8601). */
  timestamp: string;
  data: {
    id?: string;
    workspaceId: string;
    actor?: { type: "user" | "key"; id: string; label: string | null };
    target?: { type: string; id: string | null } | null;
    metadata?: Record<string, unknown>;
    [field: string]: unknown;
  };
}

export type WebhookErrorCode =
  | "MISSING_HEADER"
  | "INVALID_SECRET"
  | "TIMESTAMP_OUT_OF_RANGE"
  | "INVALID_SIGNATURE"
  | "INVALID_BODY";

/** Thrown by verifyWebhook: answer the request with a 4xx and do not act on it. */
export class WebhookVerificationError extends Error {
  readonly code: WebhookErrorCode;
  constructor(code: WebhookErrorCode, message: string) {
    super(message);
    this.name = "WebhookVerificationError";
    this.code = code;
  }
}

export interface VerifyWebhookOptions {
  /** How far the `webhook-timestamp` may be from now, either way (replay protection). Default 300. */
  toleranceSeconds?: number;
  /** The current time, for tests. */
  now?: Date;
}

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

/**
 * Checks a delivery and returns its event. `body` must be the raw body as received (bytes or
 * text), not JSON parsed and serialized again. Throws WebhookVerificationError when a header is
 * missing, the timestamp is outside the tolerance, or no signature matches.
 */
export async function verifyWebhook(
  secret: string,
  headers: HeaderSource,
  body: string | Uint8Array,
  options: VerifyWebhookOptions = {},
): Promise<WebhookEvent> {
  const id = header(headers, "webhook-id");
  const timestamp = header(headers, "webhook-timestamp");
  const signatures = header(headers, "webhook-signature");
  if (!/^\d+$/.test(timestamp)) {
    throw new WebhookVerificationError("TIMESTAMP_OUT_OF_RANGE", "webhook-timestamp is not a whole number of seconds");
  }
  const tolerance = options.toleranceSeconds ?? 300;
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const sent = Number(timestamp);
  if (sent < now - tolerance) {
    throw new WebhookVerificationError("TIMESTAMP_OUT_OF_RANGE", `webhook-timestamp is more than ${tolerance} s old`);
  }
  if (sent > now + tolerance) {
    throw new WebhookVerificationError("TIMESTAMP_OUT_OF_RANGE", `webhook-timestamp is more than ${tolerance} s ahead`);
  }
  const text = typeof body === "string" ? body : new TextDecoder().decode(body);
  const expected = await sign(secretKey(secret), `${id}.${timestamp}.${text}`);
  const matches = signatures
    .split(" ")
    .filter((entry) => entry.startsWith("v1,"))
    .some((entry) => equalInConstantTime(entry.slice(3), expected));
  if (!matches) throw new WebhookVerificationError("INVALID_SIGNATURE", "No webhook-signature matches this body");
  try {
    return JSON.parse(text) as WebhookEvent;
  } catch {
    throw new WebhookVerificationError("INVALID_BODY", "The signed body is not JSON");
  }
}

function header(headers: HeaderSource, name: string): string {
  const value =
    typeof (headers as Headers).get === "function"
      ? (headers as Headers).get(name)
      : (headers as Record<string, string | string[] | undefined>)[name];
  const text = Array.isArray(value) ? value.join(" ") : value;
  if (!text) throw new WebhookVerificationError("MISSING_HEADER", `The ${name} header is missing`);
  return text;
}

function secretKey(secret: string): Uint8Array<ArrayBuffer> {
  const encoded = secret.startsWith("whsec_") ? secret.slice(6) : secret;
  try {
    const binary = atob(encoded);
    if (binary.length === 0) throw new Error("empty");
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    throw new WebhookVerificationError("INVALID_SECRET", "The secret is not a whsec_… value");
  }
}

async function sign(key: Uint8Array<ArrayBuffer>, content: string): Promise<string> {
  const hmacKey = await crypto.subtle.importKey("raw", key, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const digest = new Uint8Array(await crypto.subtle.sign("HMAC", hmacKey, new TextEncoder().encode(content)));
  return btoa(String.fromCharCode(...digest));
}

function equalInConstantTime(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}
