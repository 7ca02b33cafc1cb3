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
export async function verifyKey(input: VerifyKeyInput, ctx: VerifyContext): Promise<VerifyResult> {
  return verifyKeyNowOrLater(input, ctx);
}

/** Synchronous for a cached key: the fast path answers without a promise. */
export function verifyKeyNowOrLater(input: VerifyKeyInput, ctx: VerifyContext): MaybePromise<VerifyResult> {
  const check = checkKeyNowOrLater(ctx.keys, input.key, { now: ctx.now, ip: input.ip });
  return check instanceof Promise ? check.then((loaded) => answer(input, ctx, loaded)) : answer(input, ctx, check);
}

function answer(input: VerifyKeyInput, ctx: VerifyContext, check: KeyCheck): VerifyResult {
  let code = check.code;
  if (code === "VALID" && input.requiredScopes?.some((scope) => !check.scopes.includes(scope))) {
    code = "INSUFFICIENT_SCOPE";
  }
  if (check.keyId) ctx.usage.count(check.keyId, code === "VALID", ctx.now, input.ip ?? null, ctx.userAgent ?? null);
  return resultFor(check, code);
}

/** Key checks are memoised per cached key, and so are the answers built from them. */
const answers = new WeakMap<KeyCheck, Map<VerifyCode, VerifyResult>>();

function resultFor(check: KeyCheck, code: VerifyCode): VerifyResult {
  let byCode = answers.get(check);
  if (!byCode) {
    byCode = new Map();
    answers.set(check, byCode);
  }
  let result = byCode.get(code);
  if (!result) {
    result = Object.freeze({
      valid: code === "VALID",
      code,
      keyId: check.keyId,
      workspaceId: check.workspaceId,
      environment: check.environment,
      scopes: code === "VALID" ? check.scopes : [],
      expiresAt: check.expiresAt?.toISOString() ?? null,
    });
    byCode.set(code, result);
  }
  return result;
}
