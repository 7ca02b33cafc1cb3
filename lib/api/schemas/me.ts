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
