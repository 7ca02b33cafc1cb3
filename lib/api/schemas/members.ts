import { z } from "zod";
import { ROLES } from "../../auth/scopes";

export const roleSchema = z.enum(ROLES);

export const inviteMemberSchema = z
  .strictObject({
    email: z.email("Enter a valid email address").max(254).toLowerCase(),
    role: roleSchema.default("member"),
  })
  .meta({ id: "InviteMember", override: { examples: [{ email: "ada@example.com", role: "member" }] } });

export const changeRoleSchema = z
  .strictObject({ role: roleSchema })
  .meta({ id: "ChangeRole", override: { examples: [{ role: "admin" }] } });

export const memberSchema = z
  .object({
    id: z.string(),
    userId: z.string(),
    name: z.string(),
    email: z.string(),
    role: roleSchema,
    joinedAt: z.string(),
  })
  .meta({ id: "Member" });
export type MemberView = z.output<typeof memberSchema>;

export const invitationSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    role: roleSchema,
    status: z.enum(["pending", "accepted", "canceled"]),
    expiresAt: z.string(),
    createdAt: z.string(),
    invitedBy: z.object({ name: z.string(), email: z.string() }),
    /** Open it, sign in (or up) with the invited email, and accept: there is no mail server. */
    link: z.string(),
  })
  .meta({ id: "Invitation" });
export type InvitationView = z.output<typeof invitationSchema>;

export const memberListSchema = z.object({ data: z.array(memberSchema) });
export const invitationListSchema = z.object({ data: z.array(invitationSchema) });
