import { KeysmithError, KeysmithNetworkError, KeysmithTimeoutError } from "./errors.js";
import type { ApiErrorCode } from "./types.js";

/** How requests are sent, timed out and retried. */
export interface TransportOptions {
  baseUrl: string;
  apiKey: string | undefined;
  workspaceId: string | undefined;
  timeoutMs: number;
  retries: number;
  retryDelayMs: number;
  maxRetryDelayMs: number;
  fetch: typeof fetch;
}

export interface RequestSpec {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /**
   * Safe to send again after a failure that may have reached the server (a 5xx, a timeout,
   * a reset): reads, verification, revocation. Every request is retried after a 429 (refused
   * before anything was done) and after a refused connection (nothing was sent).
   */
  repeatable: boolean;
  signal?: AbortSignal;
}

/** The wait before retry number `attempt + 1`: exponential, half of it random ("equal jitter"). */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** attempt);
  return ceiling / 2 + random() * (ceiling / 2);
}

/** `Retry-After` as milliseconds from `now`: delay-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (header === null || header.trim() === "") return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

type Outcome = { ok: true; status: number; body: unknown } | { ok: false; error: KeysmithError; retry: boolean };

export async function send<T>(options: TransportOptions, spec: RequestSpec): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const outcome = await sendOnce(options, spec);
    if (outcome.ok) return outcome.body as T;
    const { error } = outcome;
    if (!outcome.retry || attempt >= options.retries || spec.signal?.aborted) throw error;
    const wait = error.retryAfterMs ?? backoffMs(attempt, options.retryDelayMs, options.maxRetryDelayMs);
    // A server asking for a longer pause than we may wait: tell the caller now rather than hang.
    if (wait > options.maxRetryDelayMs) throw error;
    await sleep(wait, spec.signal);
  }
}

async function sendOnce(options: TransportOptions, spec: RequestSpec): Promise<Outcome> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = spec.signal ? AbortSignal.any([spec.signal, timeout]) : timeout;
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
  if (options.workspaceId) headers["x-workspace-id"] = options.workspaceId;
  if (spec.body !== undefined) headers["content-type"] = "application/json";
  let response: Response;
  let text: string;
  try {
    response = await options.fetch(url(options.baseUrl, spec), {
      method: spec.method,
      headers,
      body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
      signal,
    });
    // Inside the same try: the timeout covers reading the body too.
    text = await response.text();
  } catch (cause) {
    if (spec.signal?.aborted) throw spec.signal.reason ?? cause;
    if (timeout.aborted)
      return { ok: false, error: new KeysmithTimeoutError(options.timeoutMs, cause), retry: spec.repeatable };
    const refused = connectionRefused(cause);
    const error = new KeysmithNetworkError(`Could not reach Keysmith at ${options.baseUrl}: ${describe(cause)}`, cause);
    return { ok: false, error, retry: spec.repeatable || refused };
  }
  if (response.ok) {
    return { ok: true, status: response.status, body: text === "" ? undefined : parseJson(text, response.status) };
  }
  const error = apiError(response, text);
  const retry = response.status === 429 || (response.status >= 500 && spec.repeatable);
  return { ok: false, error, retry };
}

function url(baseUrl: string, spec: RequestSpec): string {
  const target = new URL(spec.path.replace(/^\//, ""), baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);
  for (const [name, value] of Object.entries(spec.query ?? {})) {
    if (value !== undefined) target.searchParams.set(name, String(value));
  }
  return target.toString();
}

function parseJson(text: string, status: number): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new KeysmithError({ code: "INTERNAL", status, message: "Keysmith answered with invalid JSON", cause });
  }
}

/** The API's `{error: {code, message, details?}}`, or what can be said of an answer not in that shape. */
function apiError(response: Response, text: string): KeysmithError {
  const retryAfter = retryAfterMs(response.headers.get("retry-after"));
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  if (error && typeof error.code === "string" && typeof error.message === "string") {
    return new KeysmithError({
      code: error.code as ApiErrorCode,
      message: error.message,
      status: response.status,
      details: error.details,
      retryAfterMs: retryAfter,
    });
  }
  return new KeysmithError({
    code: STATUS_CODES[response.status] ?? (response.status >= 500 ? "INTERNAL" : "BAD_REQUEST"),
    message: `Keysmith answered ${response.status} ${response.statusText}`.trim(),
    status: response.status,
    details: text === "" ? undefined : text.slice(0, 500),
    retryAfterMs: retryAfter,
  });
}

/** The API's code for a status, for answers not in its shape (a proxy's error page). */
const STATUS_CODES: Record<number, ApiErrorCode> = {
  401: "UNAUTHORIZED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  405: "METHOD_NOT_ALLOWED",
  408: "REQUEST_TIMEOUT",
  409: "CONFLICT",
  413: "PAYLOAD_TOO_LARGE",
  429: "RATE_LIMITED",
  431: "HEADERS_TOO_LARGE",
};

/** Node's fetch: `TypeError("fetch failed")` whose cause (or its errors) is ECONNREFUSED. */
function connectionRefused(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string; errors?: { code?: string }[] } } | undefined)?.cause;
  if (!cause) return false;
  return cause.code === "ECONNREFUSED" || (cause.errors ?? []).some((inner) => inner.code === "ECONNREFUSED");
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  if (cause?.code) return cause.code;
  if (cause?.message) return cause.message;
  return error instanceof Error ? error.message : String(error);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
