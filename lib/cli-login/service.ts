import { ApiError } from "../api/errors";
import type { CliLoginPoll } from "../api/schemas/cli-login";
import { requireFreshSession } from "../auth/fresh-session";
import { type Principal, type RequestMeta, userPrincipal } from "../auth/principal";
import type { Db } from "../db/client";
import { isPostgresUniqueViolation } from "../db/errors";
import { newId } from "../ids";
import { assertGrantable } from "../keys/guards";
import { hashKey } from "../keys/hash";
import { createKey } from "../keys/service";
import { findMembership } from "../workspaces/lookup";
import { newLoginCode, newPollToken, normaliseLoginCode } from "./code";

/**
 * `keysmith login`, device-authorization style. The CLI starts a request and polls with its
 * poll token; a signed-in user opens /cli/authorize?code=…, picks a workspace and scopes and
 * approves (or denies). The key is minted when the CLI next polls, through the same
 * createKey as the API, so its secret exists only in that one answer. A request lives ten
 * minutes and hands over one key.
 */
export const LOGIN_TTL_MS = 10 * 60_000;
export const POLL_INTERVAL_SECONDS = 2;
/** Requests past their expiry are kept a day (the page can still say "expired"), then deleted. */
const KEEP_EXPIRED_MS = 24 * 60 * 60_000;

export type LoginState = "pending" | "approved" | "denied" | "used" | "expired";

export interface LoginRequestView {
  code: string;
  deviceName: string;
  createdAt: Date;
  expiresAt: Date;
  requestIp: string | null;
  state: LoginState;
}

interface LoginRow {
  status: string;
  expiresAt: Date;
}

/** Denied and used are final; pending and approved end when the request expires. */
function stateOf(row: LoginRow, now: Date): LoginState {
  if (row.status === "denied") return "denied";
  if (row.status === "consumed") return "used";
  if (row.expiresAt <= now) return "expired";
  return row.status === "approved" ? "approved" : "pending";
}

export async function startCliLogin(
  db: Db,
  deviceName: string,
  meta: RequestMeta,
  now: Date,
): Promise<{ code: string; pollToken: string; expiresAt: Date }> {
  await db.cliLoginRequest.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - KEEP_EXPIRED_MS) } } });
  const pollToken = newPollToken();
  const expiresAt = new Date(now.getTime() + LOGIN_TTL_MS);
  // 20^8 codes: a collision with a live request is rare, and a second draw settles it.
  for (let attempt = 0; ; attempt++) {
    const code = newLoginCode();
    try {
      await db.cliLoginRequest.create({
        data: {
          id: newId("cli"),
          code,
          pollTokenHash: hashKey(pollToken),
          deviceName,
          createdAt: now,
          expiresAt,
          requestIp: meta.ip,
        },
      });
      return { code, pollToken, expiresAt };
    } catch (error) {
      if (attempt >= 2 || !isPostgresUniqueViolation(error)) throw error;
    }
  }
}

/** The request a code names, for the approval page; null when the code names none. */
export async function findCliLogin(db: Db, code: string, now: Date): Promise<LoginRequestView | null> {
  const normalised = normaliseLoginCode(code);
  if (!normalised) return null;
  const row = await db.cliLoginRequest.findUnique({ where: { code: normalised } });
  if (!row) return null;
  const { deviceName, createdAt, expiresAt, requestIp } = row;
  return { code: row.code, deviceName, createdAt, expiresAt, requestIp, state: stateOf(row, now) };
}

/** The open request a code names: anything else is an error the page and the API can show. */
async function openRequest(db: Db, code: string, now: Date) {
  const normalised = normaliseLoginCode(code);
  const row = normalised ? await db.cliLoginRequest.findUnique({ where: { code: normalised } }) : null;
  if (!row) throw new ApiError("NOT_FOUND", "No login request has that code");
  const state = stateOf(row, now);
  if (state === "expired") throw new ApiError("GONE", "This login request has expired: run keysmith login again");
  if (state !== "pending") throw new ApiError("CONFLICT", `This login request was already ${state}`);
  return row;
}

/** Marks a pending request decided, unless another decision got there first. */
async function decide(db: Db, id: string, data: Record<string, unknown>): Promise<void> {
  const { count } = await db.cliLoginRequest.updateMany({ where: { id, status: "pending" }, data });
  if (count !== 1) throw new ApiError("CONFLICT", "This login request was decided meanwhile");
}

async function principalIn(db: Db, userId: string, workspace: string): Promise<Principal> {
  const [user, membership] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { id: true, name: true } }),
    findMembership(db, userId, workspace),
  ]);
  if (!user || !membership) throw new ApiError("FORBIDDEN", "You are not a member of that workspace");
  // No session here: the CLI's poll creates the key the user approved in the browser.
  return userPrincipal(user, membership, null);
}

export async function approveCliLogin(
  db: Db,
  { userId, signedInAt }: { userId: string; signedInAt: Date },
  input: { code: string; workspace: string; scopes: string[] },
  meta: RequestMeta,
  now: Date,
): Promise<void> {
  // Approving hands a terminal a key to act as this user: as sensitive as creating one.
  requireFreshSession({ signedInAt }, now);
  const row = await openRequest(db, input.code, now);
  const principal = await principalIn(db, userId, input.workspace);
  const scopes = [...new Set(input.scopes)];
  assertGrantable(principal, scopes);
  await decide(db, row.id, {
    status: "approved",
    userId,
    workspaceId: principal.workspace.id,
    scopes,
    decidedAt: now,
    decidedIp: meta.ip,
    decidedUserAgent: meta.userAgent,
  });
}

export async function denyCliLogin(db: Db, userId: string, code: string, meta: RequestMeta, now: Date): Promise<void> {
  const row = await openRequest(db, code, now);
  await decide(db, row.id, {
    status: "denied",
    userId,
    decidedAt: now,
    decidedIp: meta.ip,
    decidedUserAgent: meta.userAgent,
  });
}

/**
 * The CLI's poll. An approved request is claimed (pending → consumed in one conditional
 * update, so two polls cannot both win) and only then is the key created, with the approver's
 * role as it is now: the secret is in this answer and nowhere else.
 */
export async function pollCliLogin(db: Db, pollToken: string, now: Date): Promise<CliLoginPoll> {
  const row = await db.cliLoginRequest.findUnique({ where: { pollTokenHash: hashKey(pollToken) } });
  if (!row) throw new ApiError("NOT_FOUND", "No such login request: run keysmith login again");
  const state = stateOf(row, now);
  if (state === "pending" || state === "denied") return { status: state };
  if (state === "used") throw new ApiError("GONE", "This login request was already used");
  if (state === "expired") throw new ApiError("GONE", "This login request has expired: run keysmith login again");

  const { count } = await db.cliLoginRequest.updateMany({
    where: { id: row.id, status: "approved" },
    data: { status: "consumed" },
  });
  if (count !== 1) throw new ApiError("GONE", "This login request was already used");
  if (!row.userId || !row.workspaceId) throw new Error(`approved login request ${row.id} names no user or workspace`);
  const principal = await principalIn(db, row.userId, row.workspaceId);
  const { row: key, secret } = await createKey(
    db,
    principal,
    {
      name: `CLI on ${row.deviceName}`,
      kind: "workspace",
      description: "Created by keysmith login",
      scopes: row.scopes,
      ipAllowlist: [],
    },
    { ip: row.decidedIp, userAgent: row.decidedUserAgent },
    now,
    { via: "cli-login", loginRequest: row.id },
  );
  await db.cliLoginRequest.update({ where: { id: row.id }, data: { keyId: key.id } });
  const { id, slug, name } = principal.workspace;
  return { status: "approved", key: secret, keyId: key.id, workspace: { id, slug, name } };
}
