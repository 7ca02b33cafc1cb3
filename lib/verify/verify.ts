import type { VerifyCode, VerifyKeyInput, VerifyResult } from "../api/schemas/keys";
import { checkKeyNowOrLater, type KeyCheck, type KeyLookup } from "../keys/authenticate";
import type { MaybePromise } from "../maybe-async";
import type { UsageRecorder } from "./usage";

export interface VerifyContext {
  keys: KeyLookup;
  usage: UsageRecorder;
  now: Date;
  /** The caller of the verify endpoint (for last-used), not the `ip` under test. */
  userAgent?: string | null;
}

/**
 * Answers "may this key be used?" A refused key is still an answer (valid:false + code),
 * never an error. `ip` is the address of the end client the caller is serving.
 * A cached key costs no database read and no write: usage is counted in memory.
 */
/** An answer and its JSON, built once per key check and code. */
export interface VerifyAnswer {
  result: VerifyResult;
  json: string;
  /** Bytes in `json`, for Content-Length. */
  jsonBytes: number;
}

/** Synchronous for a cached key: the fast path answers without a promise. */
export function verifyKeyNowOrLater(input: VerifyKeyInput, ctx: VerifyContext): MaybePromise<VerifyAnswer> {
  const check = checkKeyNowOrLater(ctx.keys, input.key, { now: ctx.now, ip: input.ip });
  return check instanceof Promise ? check.then((loaded) => answer(input, ctx, loaded)) : answer(input, ctx, check);
}

function answer(input: VerifyKeyInput, ctx: VerifyContext, check: KeyCheck): VerifyAnswer {
  let code = check.code;
  if (code === "VALID" && input.requiredScopes?.some((scope) => !check.scopes.includes(scope))) {
    code = "INSUFFICIENT_SCOPE";
  }
  if (check.keyId) ctx.usage.count(check.keyId, code === "VALID", ctx.now, input.ip ?? null, ctx.userAgent ?? null);
  return answerFor(check, code);
}

function answerFor(check: KeyCheck, code: VerifyCode): VerifyAnswer {
  const slot = code === check.code ? "own" : "insufficientScope";
  let memo = check.answers[slot] as VerifyAnswer | undefined;
  if (!memo) {
    const result: VerifyResult = Object.freeze({
      valid: code === "VALID",
      code,
      keyId: check.keyId,
      workspaceId: check.workspaceId,
      environment: check.environment,
      scopes: code === "VALID" ? check.scopes : [],
      expiresAt: check.expiresAt?.toISOString() ?? null,
    });
    const json = JSON.stringify(result);
    memo = { result, json, jsonBytes: Buffer.byteLength(json) };
    check.answers[slot] = memo;
  }
  return memo;
}
