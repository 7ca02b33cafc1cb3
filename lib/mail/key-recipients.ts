import type { Db } from "../db/client";

/** Who is told about what happens to a key (expiry, a leak): its creator and its workspace's (or organization's) owners and admins. */
export interface KeyRecipients {
  keyId: string;
  keyName: string;
  kind: string;
  /** Where the key lives, for the mail's wording and link: its workspace, its organization, or none (a personal key). */
  placeName: string | null;
  workspaceSlug: string | null;
  /** Each address once; `creator` when it is the key's creator (who may also be an admin). */
  recipients: { email: string; name: string; creator: boolean }[];
}

/**
 * The people to mail about each key, each address once per key. The creator is told only while
 * still acting where the key lives (a member, or an owner or admin of the workspace's
 * organization; one who left learns nothing more about it); owners
 * and admins are read from the workspace's members (a workspace key) or the organization's (an
 * organization key). better-auth may store several comma-separated roles: any of them counts.
 */
export async function keyRecipients(db: Db, keyIds: string[]): Promise<KeyRecipients[]> {
  if (keyIds.length === 0) return [];
  const [keys, people] = await Promise.all([
    db.apiKey.findMany({
      where: { id: { in: keyIds } },
      select: {
        id: true,
        name: true,
        kind: true,
        workspace: { select: { name: true, slug: true } },
        org: { select: { name: true } },
      },
    }),
    db.$queryRaw<{ keyId: string; email: string; name: string; creator: boolean }[]>`
      SELECT k."id" AS "keyId", u."email", u."name", true AS "creator"
      FROM "api_key" k JOIN "user" u ON u."id" = k."createdById"
      WHERE k."id" = ANY(${keyIds}::text[]) AND (k."kind" = 'personal'
        OR EXISTS (SELECT 1 FROM "member" m WHERE m."organizationId" = k."workspaceId" AND m."userId" = k."createdById")
        OR EXISTS (SELECT 1 FROM "org_member" om JOIN "organization" o ON o."orgId" = om."orgId"
          WHERE o."id" = k."workspaceId" AND om."userId" = k."createdById" AND om."role" IN ('owner', 'admin'))
        OR EXISTS (SELECT 1 FROM "org_member" om WHERE om."orgId" = k."orgId" AND om."userId" = k."createdById"))
      UNION
      SELECT k."id", u."email", u."name", false
      FROM "api_key" k JOIN "member" m ON m."organizationId" = k."workspaceId" JOIN "user" u ON u."id" = m."userId"
      WHERE k."id" = ANY(${keyIds}::text[]) AND k."kind" = 'workspace'
        AND EXISTS (SELECT 1 FROM unnest(string_to_array(m."role", ',')) AS r(role) WHERE trim(r.role) IN ('owner', 'admin'))
      UNION
      SELECT k."id", u."email", u."name", false
      FROM "api_key" k JOIN "org_member" om ON om."orgId" = k."orgId" JOIN "user" u ON u."id" = om."userId"
      WHERE k."id" = ANY(${keyIds}::text[]) AND k."kind" = 'organization' AND om."role" IN ('owner', 'admin')`,
  ]);
  return keys.map((key) => {
    const byAddress = new Map<string, KeyRecipients["recipients"][number]>();
    for (const person of people) {
      if (person.keyId !== key.id) continue;
      const address = person.email.toLowerCase();
      const seen = byAddress.get(address);
      if (seen) seen.creator ||= person.creator;
      else byAddress.set(address, { email: person.email, name: person.name, creator: person.creator });
    }
    const recipients = [...byAddress.values()];
    return {
      keyId: key.id,
      keyName: key.name,
      kind: key.kind,
      placeName: key.workspace?.name ?? key.org?.name ?? null,
      workspaceSlug: key.workspace?.slug ?? null,
      recipients,
    };
  });
}
