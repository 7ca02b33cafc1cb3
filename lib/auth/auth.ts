import { passkey } from "@better-auth/passkey";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { twoFactor } from "better-auth/plugins/two-factor";
import { userNameSchema } from "../api/schemas/users";
import { uncleanTextField } from "../api/text";
import type { Db } from "../db/client";
import { CLIENT_IP_HEADER } from "./client-ip";

export interface AuthOptions {
  baseURL: string;
  /** The origins allowed to send mutations (lib/auth/same-origin.ts): the same list as /api/v1's. */
  trustedOrigins: string[];
  secret: string;
  /** better-auth's own limiter on sign-in/sign-up; the test suite signs up many users from one address. */
  rateLimit: boolean;
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
    emailAndPassword: { enabled: true, minPasswordLength: 8, autoSignIn: true },
    session: { cookieCache: { enabled: true, maxAge: 60 } },
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
        },
      },
    },
    // The same text rule as the API's: PostgreSQL cannot store NUL or a lone surrogate, and a
    // name holding one would fail later, as a 500.
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        const issue = uncleanTextField(ctx.body) ?? uncleanTextField(ctx.query);
        if (issue) throw new APIError("BAD_REQUEST", { message: `${issue.field}: ${issue.message}` });
      }),
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
