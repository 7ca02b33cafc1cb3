import { z } from "zod";
import { ROLES, SCOPE_PATTERN } from "../../auth/scopes";
import { EXPIRY_PRESETS, KEY_STATUSES } from "../../keys/expiry";
import { normaliseCidr } from "../../keys/ip-allowlist";
import { ENVIRONMENT_PATTERN, MAX_KEY_LENGTH } from "../../keys/shape";
import { dateTimeSchema } from "../dates";
import { cursorParamSchema } from "./cursor-param";

/** Key schemas shared by the dashboard's forms, the route handlers and the OpenAPI document. */
export const keyNameSchema = z.string().trim().min(3, "Use at least 3 characters").max(50, "Use at most 50 characters");
export const keyDescriptionSchema = z.string().trim().max(500, "Use at most 500 characters");
/** An environment's name; which ones a key may be created in is the workspace's list (lib/keys/environments.ts). */
export const environmentSchema = z
  .string()
  .regex(ENVIRONMENT_PATTERN, "2–10 lowercase letters")
  .meta({ description: "One of the workspace's environments (2–10 lowercase letters), e.g. live, test, prod" });
export const scopeSchema = z.string().regex(SCOPE_PATTERN, "Scopes look like resource.action");
export const scopesSchema = z.array(scopeSchema).max(100, "At most 100 scopes");

export const cidrSchema = z
  .string()
  .max(64)
  .transform((value, ctx) => {
    const cidr = normaliseCidr(value);
    if (!cidr) {
      ctx.addIssue({ code: "custom", message: `"${value}" is not an IPv4 or IPv6 address or CIDR range` });
      return z.NEVER;
    }
    return cidr;
  });
export const ipAllowlistSchema = z.array(cidrSchema).max(50, "At most 50 ranges");

export const MAX_GRACE_SECONDS = 7 * 24 * 60 * 60;
/** "0", "30m", "24h", "7d" or a number of seconds; at most 7 days. */
export const gracePeriodSchema = z
  .union([
    z.number().int().min(0),
    z
      .string()
      .regex(/^(0|\d+[smhd])$/, 'Use a duration such as "0", "1h", "24h" or "7d"')
      .transform((value) => {
        if (value === "0") return 0;
        const amount = Number(value.slice(0, -1));
        const unit = { s: 1, m: 60, h: 3600, d: 86400 }[value.at(-1) as "s" | "m" | "h" | "d"];
        return amount * unit;
      }),
  ])
  .refine((seconds) => seconds <= MAX_GRACE_SECONDS, "The grace period is at most 7 days");

const MAX_EXPIRY_MS = 5 * 366 * 24 * 60 * 60 * 1000;
export const customExpirySchema = dateTimeSchema
  .transform((value) => new Date(value))
  .refine((date) => date.getTime() > Date.now(), "The expiry must be in the future")
  .refine((date) => date.getTime() < Date.now() + MAX_EXPIRY_MS, "The expiry must be within 5 years");

export const createKeySchema = z
  .strictObject({
    name: keyNameSchema,
    /** "organization": a key of the workspace's organization, acting in any of its workspaces (its owners and admins only). */
    kind: z.enum(["workspace", "organization"], { error: 'Use "workspace" or "organization"' }).default("workspace"),
    description: keyDescriptionSchema.optional(),
    /** Absent: the workspace's first environment (live, for a workspace that kept the defaults). */
    environment: environmentSchema.optional(),
    scopes: scopesSchema.optional(),
    ipAllowlist: ipAllowlistSchema.default([]),
    expiresIn: z.enum(EXPIRY_PRESETS).optional(),
    expiresAt: customExpirySchema.optional(),
    rateLimit: z
      .strictObject({
        max: z.number().int().min(1).max(1_000_000),
        windowMs: z.number().int().min(1000).max(86_400_000),
      })
      .optional(),
  })
  .refine((input) => !(input.expiresIn && input.expiresAt), {
    message: "Give either expiresIn or expiresAt, not both",
    path: ["expiresAt"],
  })
  .meta({
    id: "CreateKey",
    override: { examples: [{ name: "Billing service", environment: "live", scopes: ["keys.read"], expiresIn: "90d" }] },
  });
export type CreateKeyInput = z.input<typeof createKeySchema>;
export type CreateKeyData = z.output<typeof createKeySchema>;

export const updateKeySchema = z
  .strictObject({
    name: keyNameSchema.optional(),
    description: keyDescriptionSchema.nullable().optional(),
    scopes: scopesSchema.optional(),
    ipAllowlist: ipAllowlistSchema.optional(),
    enabled: z.boolean().optional(),
    /** A new expiry (null: never), counted from now; within the workspace's maximum key lifetime, if it has one. */
    expiresAt: customExpirySchema.nullable().optional(),
  })
  .refine((input) => Object.keys(input).length > 0, { message: "Nothing to update", path: ["body"] })
  .meta({ id: "UpdateKey", override: { examples: [{ name: "Billing service (EU)", enabled: true }] } });
export type UpdateKeyInput = z.input<typeof updateKeySchema>;

export const ROTATE_EXPIRY_MODES = ["keep", "renew"] as const;
export type RotateExpiryMode = (typeof ROTATE_EXPIRY_MODES)[number];
export const rotateKeySchema = z
  .strictObject({
    gracePeriod: gracePeriodSchema.default(0),
    expiry: z
      .enum(ROTATE_EXPIRY_MODES, { error: 'Use "keep" (the same expiry date) or "renew" (a fresh window)' })
      .default("keep")
      .meta({
        description:
          '"keep": the new key expires when the old one would have (409 if that has passed). "renew": a fresh window of the old key\'s length, from now. A key without an expiry gets none either way.',
      }),
  })
  .meta({ id: "RotateKey", override: { examples: [{ gracePeriod: "1h", expiry: "keep" }] } });

export const KEY_SORTS = ["createdAt", "name"] as const;
export const listKeysQuerySchema = z
  .strictObject({
    status: z
      .string()
      .transform((value) => value.split(",").filter(Boolean))
      .pipe(z.array(z.enum(KEY_STATUSES)).max(KEY_STATUSES.length))
      .optional(),
    environment: environmentSchema.optional(),
    creator: z.string().min(1).max(64).optional(),
    search: z.string().trim().max(50).optional(),
    sort: z.enum(KEY_SORTS).default("createdAt"),
    order: z.enum(["asc", "desc"]).default("desc"),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    /** The page after this cursor (a response's nextCursor). */
    cursor: cursorParamSchema.optional(),
    /** The page before this cursor (a response's prevCursor), in the same order. */
    before: cursorParamSchema.optional(),
  })
  .refine((query) => !(query.cursor && query.before), {
    message: "Give either cursor or before, not both",
    path: ["before"],
  });
export type ListKeysQuery = z.output<typeof listKeysQuerySchema>;

/** The longest text verify takes as a key (its own keys are shorter; imported ones may not be). */
export const VERIFY_KEY_MAX_LENGTH = 512;

export const verifyKeySchema = z
  .strictObject({
    key: z.string().min(1, "Required").max(VERIFY_KEY_MAX_LENGTH, "Too long"),
    requiredScopes: z.array(scopeSchema).max(50).optional(),
    ip: z.union([z.ipv4(), z.ipv6()], { error: "Use an IPv4 or IPv6 address" }).optional(),
    /**
     * Where a personal or organization key acts (id or slug): required for an organization key,
     * and for a personal key whose owner is in several workspaces.
     */
    workspaceId: z.string().min(1, "Required").max(200, "Too long").optional(),
    /** The organization (id or slug) of the workspace: narrows a personal key's workspaces; must match. */
    organizationId: z.string().min(1, "Required").max(200, "Too long").optional(),
  })
  .meta({
    id: "VerifyRequest",
    override: {
      examples: [{ key: "sk_live_4hd8Wq2Lx0cP7mRv9TnB3kZs6YjA1uE5", requiredScopes: ["keys.read"], ip: "203.0.113.7" }],
    },
  });
export type VerifyKeyInput = z.output<typeof verifyKeySchema>;

/** A key's scope kind as verify answers say it: a personal key is a user key. */
export const KEY_SCOPES = ["workspace", "organization", "user"] as const;
export type KeyScope = (typeof KEY_SCOPES)[number];

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

export const verifyResultSchema = z
  .object({
    valid: z.boolean(),
    code: z.enum(VERIFY_CODES),
    keyId: z.string().nullable(),
    workspaceId: z.string().nullable(),
    environment: environmentSchema.nullable(),
    scopes: z.array(z.string()),
    expiresAt: z.string().nullable(),
    /**
     * The tier the key acts with: its creator's current role in the workspace (for a VALID
     * or INSUFFICIENT_SCOPE answer; null otherwise). Demoting the creator changes it at once.
     */
    role: z.enum(ROLES).nullable(),
    /**
     * Why a key was refused, where the code alone does not say: `ROTATED` for a REVOKED key that
     * was replaced by a rotation and whose grace period has ended; otherwise null.
     */
    reason: z.enum(["ROTATED"]).nullable(),
    /** The organization of the workspace the key acted in (null when it names no key). */
    organizationId: z.string().nullable(),
    /** Where the key acts: its workspace, every workspace of its organization, or its owner's (a personal key). */
    scope: z.enum(KEY_SCOPES).nullable(),
  })
  .meta({ id: "VerifyResult" });
export type VerifyResult = z.output<typeof verifyResultSchema>;

const userRefSchema = z.object({ id: z.string(), name: z.string(), email: z.string() });

/** What the API says about a key: never its hash, never its secret. */
export const keySchema = z
  .object({
    id: z.string(),
    kind: z.enum(["workspace", "organization", "personal"]),
    workspaceId: z.string().nullable(),
    /** An organization key's organization (null for the others). */
    organizationId: z.string().nullable(),
    name: z.string(),
    description: z.string().nullable(),
    maskedKey: z.string(),
    environment: environmentSchema,
    scopes: z.array(z.string()),
    ipAllowlist: z.array(z.string()),
    enabled: z.boolean(),
    status: z.enum(KEY_STATUSES),
    expiresAt: z.string().nullable(),
    expiryWindowMs: z.number().int().nullable().meta({
      description:
        'The length of the key\'s expiry window in ms: what a rotation with {"expiry":"renew"} gives the new key. Null when the key never expires or was rotated.',
    }),
    createdAt: z.string(),
    createdBy: userRefSchema.nullable(),
    revokedAt: z.string().nullable(),
    rotatedAt: z.string().nullable(),
    replacedById: z.string().nullable(),
    rateLimit: z.object({ max: z.number(), windowMs: z.number() }).nullable(),
    lastUsedAt: z.string().nullable(),
    lastUsedIp: z.string().nullable(),
    lastUsedUserAgent: z.string().nullable(),
  })
  .meta({ id: "Key" });
export type KeyView = z.output<typeof keySchema>;

/** The responses that carry a secret: creation and rotation, once each. */
export const createdKeySchema = keySchema.extend({ key: z.string().max(MAX_KEY_LENGTH) }).meta({ id: "CreatedKey" });
export type CreatedKeyView = z.output<typeof createdKeySchema>;

export const rotatedKeySchema = createdKeySchema.extend({ previous: keySchema }).meta({ id: "RotatedKey" });

export const keyListSchema = z
  .object({
    data: z.array(keySchema),
    nextCursor: z.string().nullable(),
    prevCursor: z.string().nullable(),
  })
  .meta({ id: "KeyList" });
export type KeyList = z.output<typeof keyListSchema>;
