import type { z } from "zod";
import { ApiError } from "../api/errors";
import type { changeRoleSchema, inviteMemberSchema } from "../api/schemas/members";
import { recordAudit } from "../audit/record";
import { requireFreshSession } from "../auth/fresh-session";
import { actorOf, type Principal, type RequestMeta } from "../auth/principal";
import { isRole, type Role } from "../auth/scopes";
import { publicBaseUrl } from "../config";
import type { Db } from "../db/client";
import { auditRecorded, publishChange } from "../events/changes";
import { newId } from "../ids";
import { sendInBackground } from "../mail/mailer";
import { invitationMail } from "../mail/messages";
import { invitationLink } from "./serialize";

const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** Who sent an invitation, shown beside it on the members page. */
const inviterInclude = { user: { select: { name: true, email: true } } } as const;

export async function listMembers(db: Db, workspaceId: string) {
  return db.member.findMany({
    where: { organizationId: workspaceId },
    orderBy: { createdAt: "asc" },
    include: { user: { select: { id: true, name: true, email: true } } },
  });
}
export type MemberRow = Awaited<ReturnType<typeof listMembers>>[number];

async function findMember(db: Pick<Db, "member">, workspaceId: string, memberId: string) {
  const member = await db.member.findFirst({
    where: { id: memberId, organizationId: workspaceId },
    include: { user: { select: { id: true, name: true, email: true } } },
  });
  if (!member) throw new ApiError("NOT_FOUND", "No such member in this workspace");
  return member;
}

async function ownerCount(db: Pick<Db, "member">, workspaceId: string): Promise<number> {
  return db.member.count({ where: { organizationId: workspaceId, role: "owner" } });
}

/** Only owners may make or unmake owners; a workspace always keeps one owner. */
function assertMayTouchOwners(principal: Principal, from: string, to?: Role): void {
  if ((from === "owner" || to === "owner") && principal.role !== "owner") {
    throw new ApiError("FORBIDDEN", "Only an owner can grant or take away the owner role");
  }
}

export async function changeRole(
  db: Db,
  principal: Principal,
  memberId: string,
  input: z.output<typeof changeRoleSchema>,
  meta: RequestMeta,
): Promise<MemberRow> {
  const { updated, event } = await db.$transaction(async (tx) => {
    const member = await findMember(tx, principal.workspace.id, memberId);
    assertMayTouchOwners(principal, member.role, input.role);
    if (member.role === input.role) return { updated: member, event: null };
    requireFreshSession(principal);
    if (member.role === "owner" && (await ownerCount(tx, principal.workspace.id)) === 1) {
      throw new ApiError("CONFLICT", "A workspace needs at least one owner: make someone else owner first");
    }
    const updated = await tx.member.update({
      where: { id: memberId },
      data: { role: input.role },
      include: { user: { select: { id: true, name: true, email: true } } },
    });
    const event = await recordAudit(tx, actorOf(principal, meta), {
      workspaceId: principal.workspace.id,
      action: "member.role_changed",
      targetType: "member",
      targetId: member.userId,
      metadata: { email: member.user.email, from: member.role, to: input.role },
    });
    return { updated, event };
  });
  // The member's keys are re-evaluated against the new role on their next use.
  publishChange({ type: "user", userId: updated.userId }, ...auditRecorded(...(event ? [event] : [])));
  return updated;
}

/** Removes a member (or lets a user leave); their keys stop working on the next request. */
export async function removeMember(db: Db, principal: Principal, memberId: string, meta: RequestMeta): Promise<void> {
  const { removedUserId, event } = await db.$transaction(async (tx) => {
    const member = await findMember(tx, principal.workspace.id, memberId);
    const leaving = principal.type === "user" && member.userId === principal.userId;
    if (!leaving) {
      if (!principal.scopes.includes("members.write")) {
        throw new ApiError("FORBIDDEN", "This action needs the members.write scope");
      }
      assertMayTouchOwners(principal, member.role);
      requireFreshSession(principal);
    }
    if (member.role === "owner" && (await ownerCount(tx, principal.workspace.id)) === 1) {
      throw new ApiError("CONFLICT", "The last owner cannot leave or be removed");
    }
    await tx.member.delete({ where: { id: memberId } });
    const event = await recordAudit(tx, actorOf(principal, meta), {
      workspaceId: principal.workspace.id,
      action: "member.removed",
      targetType: "member",
      targetId: member.userId,
      metadata: { email: member.user.email, role: member.role, left: leaving },
    });
    return { removedUserId: member.userId, event };
  });
  publishChange({ type: "user", userId: removedUserId }, ...auditRecorded(event));
}

export async function inviteMember(
  db: Db,
  principal: Principal,
  input: z.output<typeof inviteMemberSchema>,
  meta: RequestMeta,
  now: Date,
) {
  assertMayTouchOwners(principal, "member", input.role);
  const { invitation, event } = await db.$transaction(async (tx) => {
    const existing = await tx.member.findFirst({
      where: { organizationId: principal.workspace.id, user: { email: input.email } },
    });
    if (existing) throw new ApiError("CONFLICT", `${input.email} is already a member`);
    const pending = await tx.invitation.findFirst({
      where: { organizationId: principal.workspace.id, email: input.email, status: "pending", expiresAt: { gt: now } },
    });
    if (pending) throw new ApiError("CONFLICT", `${input.email} already has a pending invitation`);
    const invitation = await tx.invitation.create({
      data: {
        id: newId("inv"),
        organizationId: principal.workspace.id,
        email: input.email,
        role: input.role,
        status: "pending",
        expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
        createdAt: now,
        inviterId: principal.userId,
      },
      include: inviterInclude,
    });
    const event = await recordAudit(tx, actorOf(principal, meta), {
      workspaceId: principal.workspace.id,
      action: "member.invited",
      targetType: "invitation",
      targetId: invitation.id,
      metadata: { email: input.email, role: input.role },
    });
    return { invitation, event };
  });
  publishChange(...auditRecorded(event));
  // After the commit; the link is shown to the admin as well, so a lost mail loses nothing.
  sendInBackground(
    invitationMail({
      to: input.email,
      workspaceName: principal.workspace.name,
      inviterName: invitation.user.name,
      role: input.role,
      link: invitationLink(publicBaseUrl(), invitation.id),
      expiresAt: invitation.expiresAt,
    }),
  );
  return invitation;
}

export async function listInvitations(db: Db, workspaceId: string, now: Date) {
  return db.invitation.findMany({
    where: { organizationId: workspaceId, status: "pending", expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    include: inviterInclude,
  });
}
export type InvitationRow = Awaited<ReturnType<typeof listInvitations>>[number];

export async function cancelInvitation(db: Db, principal: Principal, invitationId: string, meta: RequestMeta) {
  const event = await db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({
      where: { id: invitationId, organizationId: principal.workspace.id, status: "pending" },
    });
    if (!invitation) throw new ApiError("NOT_FOUND", "No such pending invitation");
    await tx.invitation.update({ where: { id: invitationId }, data: { status: "canceled" } });
    return recordAudit(tx, actorOf(principal, meta), {
      workspaceId: principal.workspace.id,
      action: "member.invitation_canceled",
      targetType: "invitation",
      targetId: invitationId,
      metadata: { email: invitation.email },
    });
  });
  publishChange(...auditRecorded(event));
}

export interface InvitedUser {
  id: string;
  name: string;
  email: string;
}

/** The invited user (signed in with the invited email) joins with the invitation's role. */
export async function acceptInvitation(db: Db, user: InvitedUser, invitationId: string, meta: RequestMeta, now: Date) {
  const { joined, event } = await db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({
      where: { id: invitationId },
      include: { organization: { select: { id: true, slug: true, name: true } } },
    });
    if (invitation?.status !== "pending" || invitation.expiresAt <= now) {
      throw new ApiError("NOT_FOUND", "This invitation does not exist, was canceled or has expired");
    }
    if (invitation.email.toLowerCase() !== user.email.toLowerCase()) {
      throw new ApiError("FORBIDDEN", `This invitation is for ${invitation.email}: sign in with that address`);
    }
    const existing = await tx.member.findUnique({
      where: { organizationId_userId: { organizationId: invitation.organizationId, userId: user.id } },
    });
    if (existing) throw new ApiError("CONFLICT", "You are already a member of this workspace");
    const role = invitation.role && isRole(invitation.role) ? invitation.role : "member";
    await tx.member.create({
      data: { id: newId("mem"), organizationId: invitation.organizationId, userId: user.id, role, createdAt: now },
    });
    await tx.invitation.update({ where: { id: invitationId }, data: { status: "accepted" } });
    const event = await recordAudit(
      tx,
      { type: "user", id: user.id, label: user.name, ...meta },
      {
        workspaceId: invitation.organizationId,
        action: "member.joined",
        targetType: "member",
        targetId: user.id,
        metadata: { email: user.email, role, invitationId },
      },
    );
    return { joined: { workspace: invitation.organization, role }, event };
  });
  // A personal key's set of workspaces just changed.
  publishChange({ type: "user", userId: user.id }, ...auditRecorded(event));
  return joined;
}

/** What the invite page shows before anyone accepts: the invitation, if it can still be used. */
export async function findOpenInvitation(db: Db, invitationId: string, now: Date) {
  const invitation = await db.invitation.findUnique({
    where: { id: invitationId },
    include: { organization: { select: { name: true, slug: true } } },
  });
  if (invitation?.status !== "pending" || invitation.expiresAt <= now) return null;
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role ?? "member",
    workspaceName: invitation.organization.name,
  };
}
export type OpenInvitation = NonNullable<Awaited<ReturnType<typeof findOpenInvitation>>>;
