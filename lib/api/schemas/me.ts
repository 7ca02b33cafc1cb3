import { z } from "zod";
import { createdKeySchema, keySchema, rotateKeySchema } from "./keys";
import { roleSchema } from "./members";
import { workspaceRefSchema } from "./workspaces";

/** GET /api/v1/me: who is calling, where, with what powers. */
export const meSchema = z
  .object({
    type: z.enum(["user", "key"]),
    user: z.object({ id: z.string(), name: z.string() }),
    key: z
      .object({ id: z.string(), name: z.string().nullable(), kind: z.enum(["workspace", "personal"]).nullable() })
      .nullable(),
    workspace: workspaceRefSchema,
    role: roleSchema,
    scopes: z.array(z.string()),
  })
  .meta({ id: "Me" });

/** GET /api/v1/me/key: the caller's personal key, without its secret. */
export const personalKeySchema = z.object({ key: keySchema.nullable() });

/** POST /api/v1/me/key: the new personal key, its secret shown this once, and the key it replaced. */
export const issuedPersonalKeySchema = createdKeySchema.extend({ previous: keySchema.nullable() });

/**
 * POST /api/v1/me/key's optional body. `first: true` is what the dashboard sends right after
 * sign-up and sign-in: it issues the account's first personal key only, and is refused (409)
 * once the user has or had one, so a key they revoked is not issued again behind their back.
 */
/** A rotation's options, or `first` (the dashboard, right after sign-up or sign-in). */
export const issuePersonalKeySchema = rotateKeySchema
  .extend({ first: z.boolean().default(false) })
  .meta({ id: "IssuePersonalKey", override: { examples: [{ gracePeriod: "1h", expiry: "keep" }, { first: true }] } });

/**
 * POST /api/v1/me/reauthenticate: "confirm it's you" without signing in again. The password,
 * and for an account with an authenticator app its current code or one of its backup codes.
 */
export const reauthenticateSchema = z
  .strictObject({
    password: z.string().min(1, "Enter your password").max(1024),
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app")
      .optional(),
    backupCode: z.string().trim().min(1, "Enter a backup code").max(64).optional(),
  })
  .refine((input) => !(input.code && input.backupCode), {
    path: ["backupCode"],
    message: "Send either a code or a backup code, not both",
  })
  .meta({
    id: "Reauthentication",
    override: { examples: [{ password: "correct horse battery staple" }] },
  });

export const reauthenticatedSchema = z.object({ reauthenticatedAt: z.iso.datetime() }).meta({ id: "Reauthenticated" });
