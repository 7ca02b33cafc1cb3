import { ApiError } from "../api/errors";
import { currentSession } from "../auth/current-session";
import { keyCredential } from "../auth/key-credential";
import { userPrincipal } from "../auth/principal";
import type { Runtime } from "../runtime";
import { findMembership, type Membership, sessionMembership } from "../workspaces/lookup";

/**
 * Who a stream client is, in which workspace, with which scopes: an API key, or a dashboard
 * session (its cookie, from one of our own pages). Checked again whenever a change may have
 * taken access away, so that a revoked key or a removed member is disconnected at once.
 */
export interface StreamCredential {
  kind: "key" | "session";
  /** The signed-in user, or the key's creator. */
  userId: string;
  keyId: string | null;
  workspaceId: string;
  scopes: ReadonlySet<string>;
  /** Epoch milliseconds when the key expires (null: never, or a session). */
  expiresAt: number | null;
  /** The scopes the credential holds now, or null when it no longer has access here. */
  recheck(): Promise<ReadonlySet<string> | null>;
}

export interface StreamAuthRequest {
  token: string | null;
  /** The upgrade request's Cookie and Origin headers. */
  cookie: string | null;
  origin: string | null;
  workspaceHint: string | null;
  ip: string;
  userAgent: string | null;
}

export async function authenticateStream(runtime: Runtime, request: StreamAuthRequest): Promise<StreamCredential> {
  if (request.token) return keyCredentialFor(runtime, request.token, request);
  if (!request.cookie) throw new ApiError("UNAUTHORIZED", "Send an API key as token, or connect from a signed-in page");
  return sessionCredential(runtime, request);
}

async function keyCredentialFor(runtime: Runtime, secret: string, request: StreamAuthRequest) {
  const check = () =>
    runtime.verifier.check(secret, {
      now: runtime.now().getTime(),
      caller: { kind: "api" },
      ip: request.ip,
      workspaceHint: request.workspaceHint,
      source: request.ip,
    });
  const { state, membership } = keyCredential(await check(), request.workspaceHint);
  runtime.usage.count(state.id, true, runtime.now().getTime(), request.ip, request.userAgent);
  const workspaceId = membership.workspace.id;
  return {
    kind: "key" as const,
    userId: state.creatorId,
    keyId: state.id,
    workspaceId,
    scopes: new Set(membership.scopes),
    expiresAt: state.expiresAt,
    recheck: async () => {
      const checked = await check();
      const still = checked.code === "VALID" && checked.membership?.workspace.id === workspaceId;
      return still && checked.membership ? new Set(checked.membership.scopes) : null;
    },
  };
}

async function sessionCredential(runtime: Runtime, request: StreamAuthRequest): Promise<StreamCredential> {
  // The cookie is ambient: only our own pages may use it here (the same rule as for mutations).
  if (request.origin === null || !runtime.trustedOrigins.includes(request.origin)) {
    throw new ApiError("FORBIDDEN", "Cross-origin connection refused: the Origin header must be this site's");
  }
  const headers = new Headers({ cookie: request.cookie ?? "" });
  const session = await currentSession(runtime.auth, headers);
  if (!session) throw new ApiError("UNAUTHORIZED", "Your session has ended: sign in again");
  const db = runtime.database.db;
  const userId = session.user.id;
  const membership = await sessionMembership(db, userId, request.workspaceHint);
  const scopesOf = (m: Membership) => new Set(userPrincipal(session.user, m, null).scopes);
  return {
    kind: "session",
    userId,
    keyId: null,
    workspaceId: membership.workspace.id,
    scopes: scopesOf(membership),
    expiresAt: null,
    recheck: async () => {
      const current = await currentSession(runtime.auth, headers);
      if (!current) return null;
      const still = await findMembership(db, userId, membership.workspace.id);
      return still ? scopesOf(still) : null;
    },
  };
}
