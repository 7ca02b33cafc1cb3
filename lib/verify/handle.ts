import { ApiError, errorBody } from "../api/errors";
import type { MaybePromise } from "../maybe-async";
import type { Runtime } from "../runtime";
import { type VerifyAnswer, verifyKeyNowOrLater } from "./verify";
import { parseVerifyInput } from "./verify-input";

/**
 * POST /api/v1/keys/verify, independent of how the request arrived: the node:http fast
 * path in server.ts and the Next route handler both answer through this, so their
 * answers are identical.
 */
export const VERIFY_MAX_BODY_BYTES = 4 * 1024;

export interface VerifyCaller {
  /** Source address of the request (the calling service), for failure rate limits. */
  ip: string;
  userAgent: string | null;
}

export interface VerifyResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** The body already serialised, when it is a memoised answer, and its length in bytes. */
  json?: string;
  jsonBytes?: number;
}

export async function handleVerify(
  runtime: Runtime,
  text: string,
  contentType: string | null,
  caller: VerifyCaller,
): Promise<VerifyResponse> {
  return handleVerifyNowOrLater(runtime, text, contentType, caller);
}

/** Synchronous for a cached key; a promise only when the key must be loaded. */
export function handleVerifyNowOrLater(
  runtime: Runtime,
  text: string,
  contentType: string | null,
  caller: VerifyCaller,
): MaybePromise<VerifyResponse> {
  const { failureLimit } = runtime.verifyLimits;
  const now = runtime.now();
  try {
    const wait = runtime.failureLimiter.retryAfterMs(caller.ip, failureLimit.max, failureLimit.windowMs, now.getTime());
    if (wait > 0) {
      throw new ApiError("RATE_LIMITED", "Too many failed verifications from this address", undefined, {
        "retry-after": String(Math.ceil(wait / 1000)),
      });
    }
    const input = parseVerifyInput(text, contentType);
    runtime.metrics.verifyRequests++;
    const result = verifyKeyNowOrLater(input, {
      keys: runtime.keyLookup,
      usage: runtime.usage,
      now,
      userAgent: caller.userAgent,
    });
    if (result instanceof Promise) {
      return result.then((verified) => respond(runtime, caller, now, verified), errorBody);
    }
    return respond(runtime, caller, now, result);
  } catch (error) {
    return errorBody(error);
  }
}

function respond(runtime: Runtime, caller: VerifyCaller, now: Date, answer: VerifyAnswer): VerifyResponse {
  if (!answer.result.valid) {
    const { max, windowMs } = runtime.verifyLimits.failureLimit;
    runtime.failureLimiter.hit(caller.ip, max, windowMs, now.getTime());
  }
  return { status: 200, body: answer.result, json: answer.json, jsonBytes: answer.jsonBytes };
}
