import type { ApiErrorCode } from "./types.js";

/** What went wrong, when no answer came: `TIMEOUT`, `NETWORK_ERROR`, `CONFIGURATION`. */
export type ClientErrorCode = "TIMEOUT" | "NETWORK_ERROR" | "CONFIGURATION";

/**
 * Every error the SDK throws. From an answer of the API: its `code`, `status`, `message`
 * and `details` (`{error: {code, message, details?}}`); `retryAfterMs` from `Retry-After`.
 * Without an answer, a subclass: KeysmithTimeoutError, KeysmithNetworkError, KeysmithConfigError
 * (their `status` is null).
 */
export class KeysmithError extends Error {
  readonly code: ApiErrorCode | ClientErrorCode;
  readonly status: number | null;
  readonly details: unknown;
  readonly retryAfterMs: number | null;

  constructor(init: {
    code: ApiErrorCode | ClientErrorCode;
    message: string;
    status?: number | null;
    details?: unknown;
    retryAfterMs?: number | null;
    cause?: unknown;
  }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = "KeysmithError";
    this.code = init.code;
    this.status = init.status ?? null;
    this.details = init.details;
    this.retryAfterMs = init.retryAfterMs ?? null;
  }
}

/** No answer within `timeoutMs` (per attempt). */
export class KeysmithTimeoutError extends KeysmithError {
  constructor(timeoutMs: number, cause?: unknown) {
    super({ code: "TIMEOUT", message: `Keysmith did not answer within ${timeoutMs} ms`, cause });
    this.name = "KeysmithTimeoutError";
  }
}

/** The request could not be sent or its answer not read (refused connection, DNS, reset …). */
export class KeysmithNetworkError extends KeysmithError {
  constructor(message: string, cause?: unknown) {
    super({ code: "NETWORK_ERROR", message, cause });
    this.name = "KeysmithNetworkError";
  }
}

/** The client is missing an option it needs (thrown before any request). */
export class KeysmithConfigError extends KeysmithError {
  constructor(message: string) {
    super({ code: "CONFIGURATION", message });
    this.name = "KeysmithConfigError";
  }
}
