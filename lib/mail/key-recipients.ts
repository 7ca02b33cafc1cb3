import type { Db } from "../db/client";

/** Someone to tell about a key, and why: they created it, or they administer a workspace it acts in. */
export interface KeyRecipient {
  email: string;
  name: string;
  reason: "creator" | "admin";
}

/** better-auth may store several comma-separated roles; any of owner or admin counts. */
function administers(role: string): boolean {
  return role.split(",").some((r) => r.trim() === "owner" || r.trim() === "admin");
}

/**
 * Who hears about what happened to a key: its creator, then the owners and admins of the
 * workspaces where it was recorded (for an organization key, also the organization's owners and
 * admins, who act in all its workspaces). Each address once; the creator first.
 */
export async function keyRecipients(
  db: Db,
  key: { createdById: string; orgId: string | null },
  workspaceIds: string[],
): Promise<KeyRecipient[]> {
  const [creator, members, orgMembers] = await Promise.all([
    db.user.findUnique({ where: { id: key.createdById }, select: { email: true, name: true } }),
    workspaceIds.length
      ? db.member.findMany({
          where: { organizationId: { in: workspaceIds } },
          select: { role: true, user: { select: { email: true, name: true } } },
          orderBy: { createdAt: "asc" },
        })
      : [],
    key.orgId
      ? db.orgMember.findMany({
          where: { orgId: key.orgId },
          select: { role: true, user: { select: { email: true, name: true } } },
          orderBy: { createdAt: "asc" },
        })
      : [],
  ]);
  const recipients = new Map<string, KeyRecipient>();
  if (creator) recipients.set(creator.email.toLowerCase(), { ...creator, reason: "creator" });
  for (const { role, user } of [...members, ...orgMembers]) {
    const address = user.email.toLowerCase();
    if (administers(role) && !recipients.has(address)) recipients.set(address, { ...user, reason: "admin" });
  }
  return [...recipients.values()];
}
