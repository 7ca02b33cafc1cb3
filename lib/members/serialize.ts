import { type InvitationView, invitationSchema, type MemberView, memberSchema } from "../api/schemas/members";
import type { InvitationRow, MemberRow } from "./service";

export function toMemberView(row: MemberRow): MemberView {
  return memberSchema.parse({
    id: row.id,
    userId: row.userId,
    name: row.user.name,
    email: row.user.email,
    role: row.role,
    joinedAt: row.createdAt.toISOString(),
  });
}

export function toInvitationView(row: InvitationRow, baseUrl: string): InvitationView {
  return invitationSchema.parse({
    id: row.id,
    email: row.email,
    role: row.role ?? "member",
    status: row.status,
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    invitedBy: { name: row.user.name, email: row.user.email },
    link: invitationLink(baseUrl, row.id),
  });
}

/** The page an invitee opens to accept: shown to the admin, and mailed when mail is on. */
export function invitationLink(baseUrl: string, invitationId: string): string {
  return `${baseUrl}/invite/${invitationId}`;
}
