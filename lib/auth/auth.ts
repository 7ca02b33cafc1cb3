import { passkey } from "@better-auth/passkey";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { twoFactor } from "better-auth/plugins/two-factor";
import { userNameSchema } from "../api/schemas/users";
import { uncleanTextField } from "../api/text";
import type { Db } from "../db/client";
import { sendInBackground } from "../mail/mailer";
import { passwordResetMail, verificationMail } from "../mail/messages";
import { auditAuthRoute, auditPasswordReset, auditUserChange } from "./account-audit";
import { VERIFIED_CALLBACK } from "./auth-paths";
import { CLIENT_IP_HEADER } from "./client-ip";
import { passwordResetWait } from "./password-reset-limit";

export interface AuthOptions {
  baseURL: string;
  /** The origins allowed to send mutations (lib/auth/same-origin.ts): the same list as /api/v1's. */
  trustedOrigins: string[];
  secret: string;
  /** better-auth's own limiter on sign-in/sign-up; the test suite signs up many users from one address. */
  rateLimit: boolean;
  /** SMTP_URL is set: sign-up sends a verification link (signing in never waits for it). */
  mail: boolean;
}

/** The name authenticator apps show beside the code, and passkey prompts beside the account. */
export const AUTH_APP_NAME = "Keysmith";

/**
 * better-auth: accounts, email + password sign-in, a second factor (TOTP with backup codes,
 * or passkeys, which also sign in on their own) and sessions, nothing more. Workspaces,
 * members and invitations are Keysmith's own (lib/workspaces, lib/members): every change to
 * them writes its audit event and drops the affected keys from every instance's cache in
 * the same step, which better-auth's organization plugin could not do.
 */
export function createAuth(db: Db, options: AuthOptions) {
  return betterAuth({
    baseURL: options.baseURL,
    secret: options.secret,
    trustedOrigins: options.trustedOrigins,
    database: prismaAdapter(db, { provider: "postgresql" }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 8,
      autoSignIn: true,
      // Always set, mail or not: without it better-auth answers reset requests with an error,
      // which would tell that mail is off; without mail the request just sends nothing.
      sendResetPassword: async ({ user, url }) => {
        sendInBackground(passwordResetMail({ to: user.email, name: user.name, link: url }));
      },
      resetPasswordTokenExpiresIn: 3600,
      revokeSessionsOnPasswordReset: true,
      onPasswordReset: ({ user }, request) => auditPasswordReset(db, user, request),
    },
    // Unverified users may still sign in (the account page asks them to verify): requiring it
    // would lock out every account made before mail was configured.
    emailVerification: options.mail
      ? {
          sendOnSignUp: true,
          sendVerificationEmail: async ({ user, url }) => {
            const link = new URL(url);
            link.searchParams.set("callbackURL", VERIFIED_CALLBACK);
            sendInBackground(verificationMail({ to: user.email, name: user.name, link: link.href }));
          },
        }
      : undefined,
    // freshAge 0: better-auth would refuse listing sessions to one over a day old. Keysmith's
    // own rule for sensitive actions is lib/auth/fresh-session.ts (KEYSMITH_REAUTH_MAX_AGE_S).
    session: {
      cookieCache: { enabled: true, maxAge: 60 },
      freshAge: 0,
      // Set by "confirm it's you" (lib/auth/reauthenticate.ts), never by the client.
      additionalFields: { reauthenticatedAt: { type: "date", required: false, input: false } },
    },
    telemetry: { enabled: false },
    plugins: [
      // Enabling and disabling need the password; a sign-in of a user with TOTP stops at a second step.
      twoFactor({ issuer: AUTH_APP_NAME }),
      // A passkey belongs to the public URL's host (rpID) and is only accepted from its origin.
      passkey({
        rpID: new URL(options.baseURL).hostname,
        rpName: AUTH_APP_NAME,
        origin: new URL(options.baseURL).origin,
      }),
    ],
    // better-auth takes any name; ours follow the same rule as the forms (sign-up, account page).
    databaseHooks: {
      user: {
        create: { before: async (user) => ({ data: { ...user, name: checkedName(user.name) } }) },
        update: {
          before: async (user) =>
            user.name === undefined ? undefined : { data: { ...user, name: checkedName(user.name) } },
          after: async (user, ctx) => auditUserChange(db, user, ctx),
        },
      },
    },
    // The same text rule as the API's: PostgreSQL cannot store NUL or a lone surrogate, and a
    // name holding one would fail later, as a 500.
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        const issue = uncleanTextField(ctx.body) ?? uncleanTextField(ctx.query);
        if (issue) throw new APIError("BAD_REQUEST", { message: `${issue.field}: ${issue.message}` });
        if (ctx.path === "/request-password-reset" && typeof ctx.body?.email === "string") {
          const waitMs = passwordResetWait(ctx.headers?.get(CLIENT_IP_HEADER) ?? null, ctx.body.email, Date.now());
          if (waitMs > 0) {
            throw new APIError(
              "TOO_MANY_REQUESTS",
              { message: "Too many password reset requests: try again later", code: "RATE_LIMITED" },
              { "retry-after": String(Math.ceil(waitMs / 1000)) },
            );
          }
        }
      }),
      after: createAuthMiddleware(async (ctx) => auditAuthRoute(db, ctx)),
    },
    rateLimit: { enabled: options.rateLimit },
    // The address server.ts computed (X-Forwarded-For only behind a trusted proxy), never
    // one the client chose: better-auth would otherwise key its sign-in limit on X-Forwarded-For.
    advanced: { ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] } },
  });
}

function checkedName(name: unknown): string {
  const parsed = userNameSchema.safeParse(name);
  if (!parsed.success) throw new APIError("BAD_REQUEST", { message: `name: ${parsed.error.issues[0]?.message}` });
  return parsed.data;
}

export type Auth = ReturnType<typeof createAuth>;
