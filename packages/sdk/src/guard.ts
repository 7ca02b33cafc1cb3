import { Keysmith, type KeysmithOptions } from "./client.js";
import { KeysmithError } from "./errors.js";
import type { VerifyCode, VerifyResult } from "./types.js";

/**
 * What the middleware for Next.js, Express and Hono share: where the key is read, the call
 * to verify, and the refusal a request gets when its key is not usable.
 */
export interface GuardOptions<Req> {
  /** A client, or the options for one made once for this middleware (default: one per process from KEYSMITH_URL / KEYSMITH_API_KEY). */
  client?: Keysmith | KeysmithOptions;
  /** Scopes the key must hold (all of them), else 403. */
  requiredScopes?: string[];
  /** Where a personal key acts (id or slug), for an owner in several workspaces. */
  workspaceId?: string;
  /** Reads the key (default: `Authorization: Bearer <key>`, then `X-API-Key`). */
  getKey?: (request: Req) => string | null | undefined | Promise<string | null | undefined>;
  /** The client's address, checked against the key's IP allowlist (a key with an allowlist and no address is refused). */
  getIp?: (request: Req) => string | null | undefined;
}

/** Why a request is refused, and the answer it gets unless `onRefuse` answers otherwise. */
export interface Refusal {
  /** 401 no usable key, 403 not allowed, 429 over the key's limit, 503 Keysmith could not answer. */
  status: 401 | 403 | 429 | 503;
  /** The verify code, `MISSING` for no key, `VERIFY_FAILED` when Keysmith could not answer. */
  reason: Exclude<VerifyCode, "VALID"> | "MISSING" | "VERIFY_FAILED";
  /** The body sent: Keysmith's error shape. */
  body: { error: { code: "UNAUTHORIZED" | "FORBIDDEN" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE"; message: string } };
  headers: Record<string, string>;
  /** Keysmith's answer, when there was one. */
  answer: VerifyResult | null;
  /** What went wrong calling Keysmith, for VERIFY_FAILED (and a key verify could not take). */
  error: KeysmithError | null;
}

export type GuardOutcome = { ok: true; answer: VerifyResult } | { ok: false; refusal: Refusal };

/** The key in `Authorization: Bearer <key>`, else in `X-API-Key`. */
export function keyFromHeaders(header: (name: string) => string | null | undefined): string | null {
  const authorization = header("authorization");
  const bearer = authorization ? /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1] : undefined;
  if (bearer) return bearer;
  const apiKey = header("x-api-key")?.trim();
  return apiKey || null;
}

let processClient: Keysmith | undefined;

/** A guard for one middleware: its client is made on the first request, then reused. */
export function createGuard<Req>(options: GuardOptions<Req>, defaultKey: (request: Req) => string | null) {
  let client: Keysmith | undefined = options.client instanceof Keysmith ? options.client : undefined;
  const clientOf = (): Keysmith => {
    if (client) return client;
    if (options.client) {
      client = new Keysmith(options.client as KeysmithOptions);
      return client;
    }
    processClient ??= new Keysmith();
    return processClient;
  };

  return async function guard(request: Req): Promise<GuardOutcome> {
    const key = options.getKey ? await options.getKey(request) : defaultKey(request);
    if (!key) return refuse("MISSING", null, null);
    let answer: VerifyResult;
    try {
      answer = await clientOf().keys.verify({
        key,
        requiredScopes: options.requiredScopes,
        ip: clientIp(options.getIp?.(request)),
        workspaceId: options.workspaceId,
      });
    } catch (error) {
      // A 400 is about the key as sent (too long, a personal key naming no workspace): still a 401.
      if (error instanceof KeysmithError && error.status === 400) return refuse("MALFORMED", null, error);
      const failure =
        error instanceof KeysmithError
          ? error
          : new KeysmithError({ code: "INTERNAL", message: String(error), cause: error });
      return refuse("VERIFY_FAILED", null, failure);
    }
    if (answer.valid) return { ok: true, answer };
    return refuse(answer.code as Refusal["reason"], answer, null);
  };
}

/** An IPv4 address as IPv4, even when a dual-stack socket reports it IPv4-mapped (`::ffff:10.0.0.1`). */
function clientIp(address: string | null | undefined): string | undefined {
  const trimmed = address?.trim();
  if (!trimmed) return undefined;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return mapped ? mapped[1] : trimmed;
}

const MESSAGES: Record<Refusal["reason"], string> = {
  MISSING: "An API key is required: send it as `Authorization: Bearer <key>` or `X-API-Key`",
  MALFORMED: "API key is malformed",
  NOT_FOUND: "API key is not recognised",
  EXPIRED: "API key has expired",
  REVOKED: "API key has been revoked",
  DISABLED: "API key is disabled",
  INSUFFICIENT_SCOPE: "API key lacks a scope this route requires",
  IP_NOT_ALLOWED: "This key may not be used from your IP address",
  RATE_LIMITED: "This key is over its request limit",
  VERIFY_FAILED: "API keys cannot be verified right now; try again shortly",
};

function refuse(reason: Refusal["reason"], answer: VerifyResult | null, error: KeysmithError | null): GuardOutcome {
  const headers: Record<string, string> = {};
  let status: Refusal["status"];
  let code: Refusal["body"]["error"]["code"];
  switch (reason) {
    case "INSUFFICIENT_SCOPE":
    case "IP_NOT_ALLOWED":
      status = 403;
      code = "FORBIDDEN";
      break;
    case "RATE_LIMITED":
      status = 429;
      code = "RATE_LIMITED";
      // The verify answer does not say when the key's window ends: a second is the shortest window.
      headers["retry-after"] = "1";
      break;
    case "VERIFY_FAILED":
      status = 503;
      code = "SERVICE_UNAVAILABLE";
      if (error?.retryAfterMs != null) headers["retry-after"] = String(Math.ceil(error.retryAfterMs / 1000));
      break;
    default:
      status = 401;
      code = "UNAUTHORIZED";
      headers["www-authenticate"] = "Bearer";
  }
  const message = reason === "MALFORMED" && error ? error.message : MESSAGES[reason];
  return { ok: false, refusal: { status, reason, body: { error: { code, message } }, headers, answer, error } };
}
