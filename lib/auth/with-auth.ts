import { ApiError, toErrorResponse } from "../api/errors";
import type { Db } from "../db/client";
import { isWellFormedId } from "../id-format";
import { findOrg, type OrgRef, orgRole } from "../orgs/lookup";
import { getRuntime, type Runtime } from "../runtime";
import { sessionMembership } from "../workspaces/lookup";
import { CLIENT_IP_HEADER } from "./client-ip";
import { currentSession } from "./current-session";
import { sessionSignedInAt } from "./fresh-session";
import { assertOrganizationHint, keyCredential, presentedKey } from "./key-credential";
import { type Principal, type RequestMeta, userPrincipal } from "./principal";
import { isAllowedMutation } from "./same-origin";
import type { Role } from "./scopes";
import { assertTwoFactorRule } from "./two-factor";

/**
 * The one wrapper every /api/v1 handler goes through: a session cookie or an API key
 * becomes a Principal in one workspace, the required scope is checked, and every thrown
 * error becomes the JSON error contract.
 */
export interface HandlerContext<P> {
  req: Request;
  params: P;
  principal: Principal;
  db: Db;
  runtime: Runtime;
  meta: RequestMeta;
  now: Date;
}

export interface AuthOptions {
  /** The scope the caller must hold in the chosen workspace. */
  scope?: string;
}

type RouteContext<P> = { params: Promise<P> };

/** The path's ids, each of which must look like one: anything else names nothing (404). */
async function routeParams<P>(route: RouteContext<P> | undefined): Promise<P> {
  const params = route?.params ? await route.params : ({} as P);
  for (const value of Object.values(params as Record<string, unknown>)) {
    if (typeof value === "string" && !isWellFormedId(value)) throw new ApiError("NOT_FOUND", "Nothing has that id");
  }
  return params;
}

export function withAuth<P = Record<string, never>>(
  options: AuthOptions,
  handler: (ctx: HandlerContext<P>) => Promise<Response>,
) {
  return async (req: Request, route: RouteContext<P>): Promise<Response> => {
    try {
      const runtime = await getRuntime();
      const now = runtime.now();
      const meta = requestMeta(req);
      const principal = await authenticate(req, runtime, now);
      if (principal.keyId) runtime.usage.record({ keyId: principal.keyId, success: true, at: now, ...meta });
      if (options.scope && !principal.scopes.includes(options.scope)) {
        throw new ApiError("FORBIDDEN", `This action needs the ${options.scope} scope`);
      }
      const params = await routeParams(route);
      return await handler({ req, params, principal, db: runtime.database.db, runtime, meta, now });
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}

export interface UserContext<P> {
  req: Request;
  params: P;
  user: { id: string; name: string; email: string };
  sessionId: string;
  /** When the session signed in (see requireFreshSession). */
  signedInAt: Date;
  db: Db;
  meta: RequestMeta;
  now: Date;
}

/** For the few routes that act on the signed-in user rather than in a workspace (creating one). */
export function withUser<P = Record<string, never>>(handler: (ctx: UserContext<P>) => Promise<Response>) {
  return async (req: Request, route?: RouteContext<P>): Promise<Response> => {
    try {
      const runtime = await getRuntime();
      const session = await currentSession(runtime.auth, req.headers);
      if (!session) throw new ApiError("UNAUTHORIZED", "Sign in first");
      assertSameOriginMutation(req, runtime);
      const params = await routeParams(route);
      const ctx = {
        req,
        params,
        user: session.user,
        sessionId: session.session.id,
        signedInAt: sessionSignedInAt(session.session),
        db: runtime.database.db,
        meta: requestMeta(req),
        now: runtime.now(),
      };
      return await handler(ctx);
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}

export interface OrgContext<P> extends UserContext<P> {
  org: OrgRef;
  /** The caller's role in it. */
  role: Role;
}

/**
 * For /api/v1/orgs/{org}/…: a signed-in user who belongs to the organization (404 otherwise,
 * so outsiders learn nothing), holding one of `roles` when given (403 otherwise).
 */
export function withOrg<P extends { org: string }>(
  options: { roles?: readonly Role[] },
  handler: (ctx: OrgContext<P>) => Promise<Response>,
) {
  return withUser<P>(async (ctx) => {
    const org = await findOrg(ctx.db, ctx.params.org);
    const role = org ? await orgRole(ctx.db, org.id, ctx.user.id) : null;
    if (!org || !role) throw new ApiError("NOT_FOUND", "No such organization");
    if (options.roles && !options.roles.includes(role)) {
      throw new ApiError(
        "FORBIDDEN",
        `Only the organization's ${options.roles.map((r) => `${r}s`).join(" and ")} can do this`,
      );
    }
    return handler({ ...ctx, org, role });
  });
}

/** For routes that need no credential (verification): only the error contract. */
export function withErrors(handler: (req: Request, runtime: Runtime) => Promise<Response>) {
  return async (req: Request): Promise<Response> => {
    try {
      return await handler(req, await getRuntime());
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}

export function requestMeta(req: Request): RequestMeta {
  return {
    ip: req.headers.get(CLIENT_IP_HEADER),
    userAgent: req.headers.get("user-agent")?.slice(0, 400) ?? null,
  };
}

async function authenticate(req: Request, runtime: Runtime, now: Date): Promise<Principal> {
  const db = runtime.database.db;
  const hint = req.headers.get("x-workspace-id");
  const orgHint = req.headers.get("x-organization-id");
  const secret = presentedKey((name) => req.headers.get(name));
  if (secret !== null) {
    const ip = requestMeta(req).ip;
    const check = await runtime.verifier.check(secret, {
      now: now.getTime(),
      caller: { kind: "api" },
      ip,
      workspaceHint: hint,
      organizationHint: orgHint,
      source: ip ?? "",
    });
    const { state, membership } = keyCredential(check, hint);
    return {
      type: "key",
      userId: state.creatorId,
      userName: state.creatorName,
      keyId: state.id,
      keyName: state.name,
      keyKind: state.kind,
      workspace: membership.workspace,
      role: membership.role,
      orgRole: state.kind === "organization" ? membership.role : null,
      scopes: membership.scopes,
      signedInAt: null,
    };
  }

  const session = await currentSession(runtime.auth, req.headers);
  if (!session) throw new ApiError("UNAUTHORIZED", "Sign in or send an API key");
  assertSameOriginMutation(req, runtime);
  const membership = await sessionMembership(db, session.user.id, hint);
  if (orgHint) assertOrganizationHint(membership.workspace, (await findOrg(db, orgHint)) ?? { id: orgHint });
  await assertTwoFactorRule(db, membership.workspace, session.user.id);
  return userPrincipal(session.user, membership, sessionSignedInAt(session.session));
}

/**
 * Cookie-authenticated mutations must come from our own pages (CSRF): the Origin header must
 * be the configured public URL's origin, exactly. A key-authenticated call carries no
 * ambient credential and is not checked.
 */
export function assertSameOriginMutation(req: Request, runtime: Pick<Runtime, "trustedOrigins">): void {
  if (!isAllowedMutation(req.method, req.headers.get("origin"), runtime.trustedOrigins)) {
    throw new ApiError("FORBIDDEN", "Cross-origin request refused: the Origin header must be this site's");
  }
}
