import type { VerifierUsageInput } from "../api/schemas/verify-snapshot";
import type { Db } from "../db/client";
import type { UsageRecorder } from "./usage";

/** A full batch (100 keys with 400-character user agents) fits; the usual 64 KiB would not. */
export const VERIFIER_USAGE_MAX_BODY_BYTES = 128 * 1024;

/**
 * POST /api/v1/keys/verify/usage: counts reported by an in-process verifier of `workspaceId`,
 * added to the same counters the server's own verifications go to (so last-used and the
 * charts stay true). Keys the verifier may not see (the snapshot's rule) are ignored and
 * named in the answer: a verifier cannot write usage onto another workspace's keys.
 */
export async function recordVerifierUsage(
  db: Db,
  usage: Pick<UsageRecorder, "add">,
  workspaceId: string,
  input: VerifierUsageInput,
  now: number,
): Promise<{ accepted: number; ignored: string[] }> {
  const ids = [...new Set(input.usage.map((entry) => entry.keyId))];
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT k."id" FROM "api_key" k
    WHERE k."id" = ANY(${ids}::text[])
      AND (k."workspaceId" = ${workspaceId}
        OR (k."kind" = 'personal' AND k."createdById" IN
          (SELECT "userId" FROM "member" WHERE "organizationId" = ${workspaceId})))`;
  const visible = new Set(rows.map((row) => row.id));
  let accepted = 0;
  const ignored: string[] = [];
  for (const entry of input.usage) {
    if (!visible.has(entry.keyId)) {
      ignored.push(entry.keyId);
      continue;
    }
    // Usage cannot be dated in the future; a report without a time counts now.
    const reported = entry.lastUsedAt ? Date.parse(entry.lastUsedAt) : now;
    const at = Math.min(reported, now);
    usage.add(entry.keyId, entry.success, entry.failure, at, entry.ip ?? null, entry.userAgent ?? null);
    accepted++;
  }
  return { accepted, ignored: [...new Set(ignored)] };
}
