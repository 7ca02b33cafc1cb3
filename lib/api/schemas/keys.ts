import { z } from "zod";
import { SCOPE_PATTERN } from "../../auth/scopes";
import { EXPIRY_PRESETS, KEY_STATUSES } from "../../keys/expiry";
import { ENVIRONMENTS, MAX_KEY_LENGTH } from "../../keys/format";

/** Key schemas shared by the dashboard's forms, the route handlers and the OpenAPI document. */
export const keyNameSchema = z.string().trim().min(3, "Use at least 3 characters").max(50, "Use at most 50 characters");
export const scopeSchema = z.string().regex(SCOPE_PATTERN, "Scopes look like resource.action");

export const createKeySchema = z.strictObject({
  name: keyNameSchema,
  description: z.string().trim().max(500, "Use at most 500 characters").optional(),
  environment: z.enum(ENVIRONMENTS).default("live"),
  scopes: z.array(scopeSchema).max(100).optional(),
  expiresIn: z.enum(EXPIRY_PRESETS).default("never"),
});
export type CreateKeyInput = z.input<typeof createKeySchema>;

export const listKeysQuerySchema = z.strictObject({
  environment: z.enum(ENVIRONMENTS).optional(),
  search: z.string().trim().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});

export const verifyKeySchema = z.strictObject({
  key: z.string().min(1, "Required").max(512, "Too long"),
  requiredScopes: z.array(scopeSchema).max(50).optional(),
  ip: z.union([z.ipv4(), z.ipv6()]).optional(),
});
export type VerifyKeyInput = z.output<typeof verifyKeySchema>;

export const VERIFY_CODES = [
  "VALID",
  "MALFORMED",
  "NOT_FOUND",
  "EXPIRED",
  "REVOKED",
  "DISABLED",
  "IP_NOT_ALLOWED",
  "INSUFFICIENT_SCOPE",
  "RATE_LIMITED",
] as const;
export type VerifyCode = (typeof VERIFY_CODES)[number];

export const verifyResultSchema = z.object({
  valid: z.boolean(),
  code: z.enum(VERIFY_CODES),
  keyId: z.string().nullable(),
  workspaceId: z.string().nullable(),
  environment: z.enum(ENVIRONMENTS).nullable(),
  scopes: z.array(z.string()),
  expiresAt: z.string().nullable(),
});
export type VerifyResult = z.output<typeof verifyResultSchema>;

const userRefSchema = z.object({ id: z.string(), name: z.string(), email: z.string() });

/** What the API says about a key: never its hash, never its secret. */
export const keySchema = z.object({
  id: z.string(),
  kind: z.enum(["workspace", "personal"]),
  name: z.string(),
  description: z.string().nullable(),
  maskedKey: z.string(),
  environment: z.enum(ENVIRONMENTS),
  scopes: z.array(z.string()),
  status: z.enum(KEY_STATUSES),
  expiresAt: z.string().nullable(),
  createdAt: z.string(),
  createdBy: userRefSchema.nullable(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  lastUsedIp: z.string().nullable(),
  lastUsedUserAgent: z.string().nullable(),
});
export type KeyView = z.output<typeof keySchema>;

/** The one response that carries the secret: creation (and, later, rotation). */
export const createdKeySchema = keySchema.extend({ key: z.string().max(MAX_KEY_LENGTH) });
export type CreatedKeyView = z.output<typeof createdKeySchema>;

export const keyListSchema = z.object({ data: z.array(keySchema), nextCursor: z.string().nullable() });
