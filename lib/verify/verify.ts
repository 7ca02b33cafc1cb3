import type { VerifyKeyInput, VerifyResult } from "../api/schemas/keys";
import { checkKey, type KeyLookup } from "../keys/authenticate";
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
  const check = await checkKey(ctx.keys, input.key, { now: ctx.now, ip: input.ip });
  let code = check.code;
  if (code === "VALID" && input.requiredScopes?.some((scope) => !check.scopes.includes(scope))) {
    code = "INSUFFICIENT_SCOPE";
  }
  if (check.keyId) {
    ctx.usage.record({
      keyId: check.keyId,
      success: code === "VALID",
      at: ctx.now,
      ip: input.ip,
      userAgent: ctx.userAgent,
    });
  }
  return {
    valid: code === "VALID",
    code,
    keyId: check.keyId,
    workspaceId: check.workspaceId,
    environment: check.environment,
    scopes: code === "VALID" ? check.scopes : [],
    expiresAt: check.expiresAt?.toISOString() ?? null,
  };
}
