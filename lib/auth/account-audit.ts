import { type createAuthMiddleware, isAPIError } from "better-auth/api";
import { recordAccountEvent } from "../audit/account-events";
import type { AuditAction } from "../audit/actions";
import type { Db } from "../db/client";
import { CLIENT_IP_HEADER } from "./client-ip";
import type { RequestMeta } from "./principal";

type AccountAction = Extract<AuditAction, `user.${string}`>;
/** What better-auth hands a hook: the route, its request and what it answered. */
type AuthCall = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];
interface Person {
  id: string;
  name: string;
  email: string;
}

/** Where an auth request came from: the address server.ts computed, never one the client chose. */
export function authRequestMeta(headers: Headers | undefined | null): RequestMeta {
  return {
    ip: headers?.get(CLIENT_IP_HEADER) ?? null,
    userAgent: headers?.get("user-agent")?.slice(0, 400) ?? null,
  };
}

/**
 * Account events better-auth's own routes cause, recorded after they answered: sign-ins (the
 * password, the second step of a two-factor account, a passkey), refused ones, passkeys added
 * or removed and backup codes made anew. Only emails and methods are kept, never what was typed. A failure to
 * record is logged, not the user's problem.
 */
export async function auditAuthRoute(db: Db, ctx: AuthCall): Promise<void> {
  try {
    const event = await accountEventOf(db, ctx);
    if (event) await recordAccountEvent(db, event.user, event.action, authRequestMeta(ctx.headers), event.metadata);
  } catch (error) {
    console.error(
      "[keysmith] could not record an account audit event:",
      error instanceof Error ? error.message : error,
    );
  }
}

/** A change better-auth made to a user (two-factor on or off), by the route that made it. */
export async function auditUserChange(
  db: Db,
  user: Person & { twoFactorEnabled?: boolean | null },
  ctx: { path?: string; headers?: Headers } | null,
): Promise<void> {
  const action = twoFactorChange(ctx?.path, user.twoFactorEnabled ?? false);
  if (!action) return;
  try {
    await recordAccountEvent(db, user, action, authRequestMeta(ctx?.headers), { method: "totp" });
  } catch (error) {
    console.error(
      "[keysmith] could not record a two-factor audit event:",
      error instanceof Error ? error.message : error,
    );
  }
}

export async function auditPasswordReset(db: Db, user: Person, request: Request | undefined): Promise<void> {
  try {
    await recordAccountEvent(db, user, "user.password_reset", authRequestMeta(request?.headers));
  } catch (error) {
    console.error("[keysmith] could not record a password reset:", error instanceof Error ? error.message : error);
  }
}

/** Confirming the first code turns TOTP on (a user update on that route does nothing else); disabling turns it off. */
function twoFactorChange(path: string | undefined, enabled: boolean): AccountAction | null {
  if (path === "/two-factor/disable" && !enabled) return "user.two_factor_disabled";
  if (path === "/two-factor/verify-totp" && enabled) return "user.two_factor_enabled";
  return null;
}

/** Changes a signed-in user makes to their own second factors. */
const SESSION_CHANGES: Record<string, AccountAction> = {
  "/passkey/verify-registration": "user.passkey_added",
  "/passkey/delete-passkey": "user.passkey_removed",
  "/two-factor/generate-backup-codes": "user.backup_codes_generated",
};

const SECOND_STEPS: Record<string, string> = {
  "/two-factor/verify-totp": "totp",
  "/two-factor/verify-backup-code": "backup_code",
};

async function accountEventOf(
  db: Db,
  ctx: AuthCall,
): Promise<{ user: Person; action: AccountAction; metadata?: Record<string, string> } | null> {
  const signedIn = ctx.context.newSession?.user ?? null;
  const refused = isAPIError(ctx.context.returned) && ctx.context.returned.statusCode === 401;
  switch (ctx.path) {
    case "/sign-in/email": {
      if (signedIn) return { user: signedIn, action: "user.signed_in", metadata: { method: "password" } };
      const email = typeof ctx.body?.email === "string" ? ctx.body.email.toLowerCase() : "";
      if (!refused || !email) return null;
      const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, email: true } });
      return user ? { user, action: "user.sign_in_failed", metadata: { method: "password" } } : null;
    }
    case "/passkey/verify-authentication":
      return signedIn ? { user: signedIn, action: "user.signed_in", metadata: { method: "passkey" } } : null;
    case "/two-factor/verify-totp":
    case "/two-factor/verify-backup-code": {
      // Only the second step of a sign-in carries the challenge cookie; a signed-in user
      // confirming a code (turning TOTP on) does not.
      const challenge = await twoFactorChallengeUser(db, ctx);
      if (!challenge) return null;
      const method = SECOND_STEPS[ctx.path];
      if (signedIn) return { user: signedIn, action: "user.signed_in", metadata: { method } };
      return refused ? { user: challenge, action: "user.sign_in_failed", metadata: { method } } : null;
    }
    case "/passkey/verify-registration":
    case "/passkey/delete-passkey":
    case "/two-factor/generate-backup-codes": {
      const user = ctx.context.session?.user;
      if (!user || isAPIError(ctx.context.returned)) return null;
      return { user, action: SESSION_CHANGES[ctx.path] };
    }
    default:
      return null;
  }
}

/** The user a sign-in's two-factor challenge cookie names, or null outside a sign-in. */
async function twoFactorChallengeUser(db: Db, ctx: AuthCall): Promise<Person | null> {
  const cookie = ctx.context.createAuthCookie("two_factor");
  const challenge = await ctx.getSignedCookie(cookie.name, ctx.context.secret);
  if (!challenge) return null;
  const signedIn = ctx.context.newSession?.user;
  if (signedIn) return signedIn;
  const verification = await ctx.context.internalAdapter.findVerificationValue(challenge);
  if (!verification) return null;
  return db.user.findUnique({ where: { id: verification.value }, select: { id: true, name: true, email: true } });
}
