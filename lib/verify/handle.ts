import { ApiError, errorBody } from "../api/errors";
import { parseJsonText } from "../api/request";
import { verifyKeySchema } from "../api/schemas/keys";
import type { Runtime } from "../runtime";
import { verifyKey } from "./verify";

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
}

export async function handleVerify(
  runtime: Runtime,
  text: string,
  contentType: string | null,
  caller: VerifyCaller,
): Promise<VerifyResponse> {
  const { failureLimit } = runtime.verifyLimits;
  const now = runtime.now();
  try {
    const wait = runtime.failureLimiter.retryAfterMs(caller.ip, failureLimit.max, failureLimit.windowMs, now.getTime());
    if (wait > 0) {
      throw new ApiError("RATE_LIMITED", "Too many failed verifications from this address", undefined, {
        "retry-after": String(Math.ceil(wait / 1000)),
      });
    }
    const input = parseJsonText(text, contentType, verifyKeySchema);
    runtime.metrics.verifyRequests++;
    const result = await verifyKey(input, {
      keys: runtime.keyLookup,
      usage: runtime.usage,
      now,
      userAgent: caller.userAgent,
    });
    if (!result.valid) {
      runtime.failureLimiter.hit(caller.ip, failureLimit.max, failureLimit.windowMs, now.getTime());
    }
    return { status: 200, body: result };
  } catch (error) {
    return errorBody(error);
  }
}
