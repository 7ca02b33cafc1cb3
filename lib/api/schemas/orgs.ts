import { z } from "zod";
import { keySchema } from "./keys";
import { roleSchema } from "./members";

/** An organization and the caller's role in it. */
export const orgSchema = z
  .object({ id: z.string(), slug: z.string(), name: z.string(), role: roleSchema })
  .meta({ id: "Organization" });
export type OrgView = z.output<typeof orgSchema>;

export const orgListSchema = z.object({ data: z.array(orgSchema) });

export const orgMemberSchema = z
  .object({
    userId: z.string(),
    name: z.string(),
    email: z.string(),
    /** owner | admin | member: owners and admins act in every workspace of the organization. */
    role: roleSchema,
    /** How many of the organization's workspaces they are a member of. */
    workspaces: z.number().int(),
  })
  .meta({ id: "OrganizationMember" });
export type OrgMemberView = z.output<typeof orgMemberSchema>;

/** GET /api/v1/orgs/{org}: what the caller may see of it. */
export const orgDetailSchema = orgSchema
  .extend({
    /** Owners and admins see every workspace; members those they belong to. */
    workspaces: z.array(
      z.object({ id: z.string(), slug: z.string(), name: z.string(), keyPrefix: z.string(), member: z.boolean() }),
    ),
    members: z.array(orgMemberSchema),
    /** The organization's keys (owners and admins only; empty for members). */
    keys: z.array(keySchema),
  })
  .meta({ id: "OrganizationDetail" });
export type OrgDetailView = z.output<typeof orgDetailSchema>;

export const updateOrgSchema = z
  .strictObject({
    name: z.string().trim().min(2, "Use at least 2 characters").max(60, "Use at most 60 characters"),
  })
  .meta({ id: "UpdateOrganization", override: { examples: [{ name: "Acme Group" }] } });

export const changeOrgRoleSchema = z
  .strictObject({ role: roleSchema })
  .meta({ id: "ChangeOrganizationRole", override: { examples: [{ role: "admin" }] } });
