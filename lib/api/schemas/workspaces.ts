import { z } from "zod";
import { BUILT_IN_SCOPES, SCOPE_PATTERN } from "../../auth/scopes";
import { KEY_CREATION } from "../../keys/permissions";
import { ENVIRONMENT_PATTERN, KEY_PREFIX_PATTERN, MAX_ENVIRONMENTS } from "../../keys/shape";
import { LEAK_RESPONSES } from "../../leaks/leak-response";
import { roleSchema } from "./members";

/**
 * The app's own top-level paths (pages, the API, public files): a workspace whose slug is
 * one of them could not reach its dashboard at /<slug>. A test compares this with app/ and public/.
 */
export const RESERVED_WORKSPACE_SLUGS: ReadonlySet<string> = new Set([
  "account",
  "api",
  "cli",
  "docs",
  "forgot-password",
  "invite",
  "new",
  "orgs",
  "reset-password",
  "screenshots",
  "sign-in",
  "sign-up",
  "two-factor-required",
]);

export const workspaceSlugSchema = z
  .string()
  .trim()
  .min(2, "Use at least 2 characters")
  .max(40, "Use at most 40 characters")
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Lowercase letters, digits and single dashes")
  .refine((slug) => !RESERVED_WORKSPACE_SLUGS.has(slug), "This address is one of Keysmith's own pages");

export const keyPrefixSchema = z.string().trim().regex(KEY_PREFIX_PATTERN, "2–12 lowercase letters or digits");

export const createWorkspaceSchema = z
  .strictObject({
    name: z.string().trim().min(2, "Use at least 2 characters").max(60, "Use at most 60 characters"),
    slug: workspaceSlugSchema,
    keyPrefix: keyPrefixSchema.default("sk"),
    /** The organization (id or slug) to create it in; its owners and admins may. Omitted: a new organization of its own. */
    organizationId: z.string().trim().min(1, "Required").max(64, "Too long").optional(),
  })
  .meta({ id: "CreateWorkspace", override: { examples: [{ name: "Acme", slug: "acme", keyPrefix: "acme" }] } });
export type CreateWorkspaceInput = z.input<typeof createWorkspaceSchema>;

export const customScopesSchema = z
  .array(z.string().regex(SCOPE_PATTERN, "Scopes look like resource.action"))
  .max(50, "At most 50 custom scopes")
  .refine((scopes) => scopes.every((scope) => !(BUILT_IN_SCOPES as readonly string[]).includes(scope)), {
    message: "Built-in scopes cannot be redefined",
  })
  .transform((scopes) => [...new Set(scopes)]);

/** The environments keys are created in, in order (the first is the default): 1–5 distinct names. */
export const environmentsSchema = z
  .array(z.string().regex(ENVIRONMENT_PATTERN, "Environments are 2–10 lowercase letters, e.g. prod"))
  .min(1, "Keep at least one environment")
  .max(MAX_ENVIRONMENTS, `At most ${MAX_ENVIRONMENTS} environments`)
  .refine((names) => new Set(names).size === names.length, { message: "Each environment once" })
  .meta({ example: ["live", "test"], uniqueItems: true });

/** Who may create keys: "members" (everyone, within their role; the default) or "admins" (owners and admins). */
export const keyCreationSchema = z.enum(KEY_CREATION, { error: 'Use "members" or "admins"' });

/** What a leak report does to a live key: "revoke" (at once; the default) or "disable". */
export const leakResponseSchema = z.enum(LEAK_RESPONSES, { error: 'Use "revoke" or "disable"' });
/** Hygiene policies: a number of days, or null to turn the policy off. */
export const MAX_POLICY_DAYS = 3650;
const policyDaysSchema = (what: string) =>
  z
    .number({ error: `${what}: a whole number of days, or null for none` })
    .int(`${what}: a whole number of days`)
    .min(1, "At least 1 day")
    .max(MAX_POLICY_DAYS, `At most ${MAX_POLICY_DAYS} days`)
    .nullable();

export const updateWorkspaceSchema = z
  .strictObject({
    name: z.string().trim().min(2, "Use at least 2 characters").max(60, "Use at most 60 characters").optional(),
    slug: workspaceSlugSchema.optional(),
    keyPrefix: keyPrefixSchema.optional(),
    allowKeyMinting: z.boolean().optional(),
    requireVerifierKey: z.boolean().optional(),
    requireTwoFactor: z.boolean().optional(),
    keyCreation: keyCreationSchema.optional(),
    leakResponse: leakResponseSchema.optional(),
    customScopes: customScopesSchema.optional(),
    environments: environmentsSchema.optional(),
    /** Keys created, rotated or given an expiry here must expire within this many days; null: no limit. */
    maxKeyLifetimeDays: policyDaysSchema("The maximum key lifetime").optional(),
    /** Keys unused for this many days (never used: since creation) are disabled; null: off. */
    disableUnusedKeysAfterDays: policyDaysSchema("Disabling unused keys").optional(),
  })
  .refine((input) => Object.keys(input).length > 0, { message: "Nothing to update", path: ["body"] })
  .meta({ id: "UpdateWorkspace", override: { examples: [{ name: "Acme Inc.", customScopes: ["invoices.read"] }] } });

export const workspaceSchema = z
  .object({
    id: z.string(),
    /** The organization the workspace belongs to. */
    organizationId: z.string(),
    name: z.string(),
    slug: z.string(),
    keyPrefix: z.string(),
    allowKeyMinting: z.boolean(),
    /** Anonymous verification of this workspace's keys answers NOT_FOUND: callers send a verifier key. */
    requireVerifierKey: z.boolean(),
    /** Members without two-factor (TOTP or a passkey) get 403 on session calls here until they set it up. */
    requireTwoFactor: z.boolean(),
    /** "admins": only owners and admins may create keys (a member's create is 403). */
    keyCreation: keyCreationSchema,
    /** A key reported leaked (POST /api/v1/keys/report-leak) is revoked, or disabled; its creator and admins are told either way. */
    leakResponse: leakResponseSchema,
    customScopes: z.array(z.string()),
    /** Where keys are created; the first is where a create without `environment` goes. */
    environments: z.array(z.string()),
  })
  .meta({ id: "Workspace" });
export type WorkspaceView = z.output<typeof workspaceSchema>;

/** GET and PATCH /api/v1/workspace: the workspace with its hygiene policies. */
export const workspaceSettingsSchema = workspaceSchema
  .extend({
    /** Keys must expire within this many days of being created, rotated or given an expiry (null: no limit). */
    maxKeyLifetimeDays: z.number().int().nullable(),
    /** Keys unused for this many days (never used: since creation) are disabled, one key.updated event each (null: off). */
    disableUnusedKeysAfterDays: z.number().int().nullable(),
  })
  .meta({ id: "WorkspaceSettings" });
export type WorkspaceSettingsView = z.output<typeof workspaceSettingsSchema>;

/** GET /api/v1/workspaces: the caller's workspaces and their role in each. */
export const workspaceListSchema = z.object({ data: z.array(workspaceSchema.extend({ role: roleSchema })) });

/** A workspace named in passing: who the caller acts for, or what an invitation joined. */
export const workspaceRefSchema = z.object({ id: z.string(), slug: z.string(), name: z.string() });
/** A workspace named in an answer (and on the dashboard's pages): id, slug and name. */
export type WorkspaceRefView = z.output<typeof workspaceRefSchema>;

/** POST /api/v1/invitations/{id}/accept: the workspace joined, and the role there. */
export const joinedWorkspaceSchema = z.object({ workspace: workspaceRefSchema, role: roleSchema });

/** Turns a workspace name into a slug suggestion: "Acme Inc." → "acme-inc". */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
}
