import { createGuard, type GuardOptions, keyFromHeaders, type Refusal } from "./guard.js";
import type { VerifyResult } from "./types.js";

export type { GuardOptions, Refusal } from "./guard.js";
export type { VerifyResult } from "./types.js";

export interface WithKeysmithOptions extends GuardOptions<Request> {
  /**
   * A header your proxy sets to the client's address (`x-forwarded-for`: its first entry,
   * `x-real-ip` …), passed to verify as `ip`. Only set it behind a proxy that overwrites it.
   */
  ipHeader?: string;
  /** Answers a refused request yourself; return nothing for the default answer. */
  onRefuse?: (refusal: Refusal, request: Request) => Response | undefined | Promise<Response | undefined>;
}

/** The route's own context (`params` …) and the verify answer of the request's key. */
export type KeysmithContext<Context> = Context & { keysmith: VerifyResult };

/**
 * Protects an App Router route handler: the handler runs only for a usable key and gets
 * Keysmith's answer (key id, workspace, environment, scopes) as `context.keysmith`.
 *
 * ```ts
 * export const GET = withKeysmith(async (request, { keysmith }) => Response.json({ workspace: keysmith.workspaceId }), {
 *   requiredScopes: ["tasks.read"],
 * });
 * ```
 */
export function withKeysmith<Context = unknown, Req extends Request = Request>(
  handler: (request: Req, context: KeysmithContext<Context>) => Response | Promise<Response>,
  options: WithKeysmithOptions = {},
): (request: Req, context: Context) => Promise<Response> {
  const { ipHeader } = options;
  const guard = createGuard<Request>(
    {
      ...options,
      getIp: options.getIp ?? (ipHeader ? (request) => request.headers.get(ipHeader)?.split(",")[0] : undefined),
    },
    (request) => keyFromHeaders((name) => request.headers.get(name)),
  );
  return async (request, context) => {
    const outcome = await guard(request);
    if (outcome.ok) return handler(request, { ...(context ?? ({} as Context)), keysmith: outcome.answer });
    const { refusal } = outcome;
    const custom = await options.onRefuse?.(refusal, request);
    return custom ?? Response.json(refusal.body, { status: refusal.status, headers: refusal.headers });
  };
}
