import type { Context, MiddlewareHandler } from "hono";
import { createGuard, type GuardOptions, keyFromHeaders, type Refusal } from "./guard.js";
import type { VerifyResult } from "./types.js";

export type { GuardOptions, Refusal } from "./guard.js";
export type { VerifyResult } from "./types.js";

/** `new Hono<KeysmithEnv>()` types `c.get("keysmith")`. */
export type KeysmithEnv = { Variables: { keysmith: VerifyResult } };

export interface KeysmithHonoOptions extends GuardOptions<Context> {
  /** Answers a refused request yourself; return nothing for the default answer. */
  onRefuse?: (refusal: Refusal, c: Context) => Response | undefined | Promise<Response | undefined>;
}

/**
 * Hono middleware: a request with a usable key goes on with `c.get("keysmith")` set to
 * Keysmith's answer; any other is refused (401, 403, 429) in Keysmith's error shape.
 * Hono has no portable client address: pass `getIp`, e.g. with `getConnInfo` of your adapter
 * (`(c) => getConnInfo(c).remote.address` from `@hono/node-server/conninfo`).
 *
 * ```ts
 * app.use("/api/*", keysmith({ requiredScopes: ["tasks.read"] }));
 * ```
 */
export function keysmith(options: KeysmithHonoOptions = {}): MiddlewareHandler<KeysmithEnv> {
  const guard = createGuard<Context>(options, (c) => keyFromHeaders((name) => c.req.header(name)));
  return async (c, next) => {
    const outcome = await guard(c);
    if (outcome.ok) {
      c.set("keysmith", outcome.answer);
      await next();
      return;
    }
    const { refusal } = outcome;
    const custom = await options.onRefuse?.(refusal, c);
    return custom ?? c.json(refusal.body, refusal.status, refusal.headers);
  };
}
