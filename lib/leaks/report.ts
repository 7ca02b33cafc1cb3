import type { LeakReportInput } from "../api/schemas/leaks";
import { type Actor, recordAudits } from "../audit/record";
import type { RequestMeta } from "../auth/principal";
import { publicBaseUrl } from "../config";
import type { Db } from "../db/client";
import { auditRecorded, publishChange } from "../events/changes";
import type { Prisma } from "../generated/prisma/client";
import { isWellFormedKey } from "../keys/format";
import { hashKey } from "../keys/hash";
import type { KeyRow } from "../keys/serialize";
import { keyChanged, markKeyDisabled, markKeyRevoked } from "../keys/service";
import { keyRecipients } from "../mail/key-recipients";
import { mailEnabled, sendInBackground } from "../mail/mailer";
import { keyLeakedMail } from "../mail/messages";
import type { LeakResponse } from "./leak-response";

type Tx = Prisma.TransactionClient;

/** What a report did to one key. */
export interface LeakOutcome {
  keyId: string;
  response: "revoked" | "disabled";
}

interface LeakWorkspace {
  id: string;
  slug: string;
  name: string;
  leakResponse: LeakResponse;
}

const workspaceSelect = { id: true, slug: true, name: true, leakResponse: true } as const;

/** Not revoked and not past its expiry (a rotated key within its grace still works, so it counts). */
function liveWhere(now: Date): Prisma.ApiKeyWhereInput {
  return { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
}

/**
 * Acts on every live Keysmith key in a leak report: format and checksum first (no database
 * read for anything else), then one lookup by hash for all of them, then one transaction per
 * key found. Nothing here says which keys existed: the caller answers the same whatever the
 * outcomes, which are returned for tests and logs of counts only (never the keys).
 */
export async function respondToLeakReport(
  db: Db,
  report: LeakReportInput,
  meta: RequestMeta,
  now: Date,
): Promise<LeakOutcome[]> {
  const hashes = [...new Set(report.keys.filter(isWellFormedKey))].map(hashKey);
  if (hashes.length === 0) return [];
  const found = await db.apiKey.findMany({
    where: { hash: { in: hashes }, ...liveWhere(now) },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  const outcomes: LeakOutcome[] = [];
  for (const { id } of found) {
    const outcome = await respondToLeak(db, id, report, meta, now);
    if (outcome) outcomes.push(outcome);
  }
  return outcomes;
}

/** The workspaces a key acts in: its own; every one of its organization's; or its creator's (a personal key). */
async function workspacesOf(tx: Tx, key: KeyRow): Promise<LeakWorkspace[]> {
  if (key.kind === "organization" && key.orgId) {
    return tx.organization.findMany({
      where: { orgId: key.orgId },
      select: workspaceSelect,
      orderBy: { createdAt: "asc" },
    });
  }
  if (key.kind === "personal") {
    const memberships = await tx.member.findMany({
      where: { userId: key.createdById },
      select: { organization: { select: workspaceSelect } },
      orderBy: { createdAt: "asc" },
    });
    return memberships.map((m) => m.organization);
  }
  if (!key.workspaceId) return [];
  const own = await tx.organization.findUnique({ where: { id: key.workspaceId }, select: workspaceSelect });
  return own ? [own] : [];
}

/**
 * The workspace's policy; a key acting in several (an organization or personal key) is only
 * disabled when every one of them asks for that: the strictest policy wins, and revoking is
 * the default.
 */
function policyFor(workspaces: LeakWorkspace[]): LeakResponse {
  return workspaces.length > 0 && workspaces.every((w) => w.leakResponse === "disable") ? "disable" : "revoke";
}

/**
 * One key, in one transaction: lock it, check it is still live, revoke or disable it through
 * the same row changes as the API's revoke and edit, and record key.leaked in each workspace it
 * acts in. After the commit the change bus makes every instance's verification refuse it, and
 * its creator and the workspaces' owners and admins are emailed.
 */
async function respondToLeak(
  db: Db,
  id: string,
  report: LeakReportInput,
  meta: RequestMeta,
  now: Date,
): Promise<LeakOutcome | null> {
  const result = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "api_key" WHERE "id" = ${id} FOR UPDATE`;
    const key = await tx.apiKey.findFirst({ where: { id, ...liveWhere(now) } });
    if (!key) return null;
    const workspaces = await workspacesOf(tx, key);
    const policy = policyFor(workspaces);
    // Disabled already: the report changes nothing (and a repeated report mails no one again).
    if (policy === "disable" && !key.enabled) return null;
    const response = policy === "disable" ? "disabled" : "revoked";
    const row = policy === "disable" ? await markKeyDisabled(tx, id) : await markKeyRevoked(tx, id, null, now);
    // The key itself is the actor, as for key.expired: no user did this; the reporter's address is kept.
    const actor: Actor = { type: "key", id, label: key.name, ...meta };
    const metadata = {
      name: key.name,
      source: report.source ?? null,
      url: report.url ?? null,
      response,
      ...(key.kind === "personal" ? { personal: true } : {}),
    };
    const targets = workspaces.length > 0 ? workspaces.map((w) => w.id) : [null];
    const events = await recordAudits(
      tx,
      actor,
      targets.map((workspaceId) => ({ workspaceId, action: "key.leaked", targetType: "key", targetId: id, metadata })),
    );
    return { row, response, workspaces, events } as const;
  });
  if (!result) return null;
  publishChange(keyChanged(id), ...auditRecorded(...result.events));
  if (mailEnabled()) {
    notify(db, result.row, result.workspaces, result.response, report, now).catch((error: unknown) => {
      console.error("[keysmith] could not mail about a leaked key:", error instanceof Error ? error.message : error);
    });
  }
  return { keyId: id, response: result.response };
}

/** Mails the key's creator and the owners and admins of its workspaces, each once. */
async function notify(
  db: Db,
  key: KeyRow,
  workspaces: LeakWorkspace[],
  response: LeakOutcome["response"],
  report: LeakReportInput,
  now: Date,
): Promise<void> {
  const [{ recipients } = { recipients: [] }] = await keyRecipients(db, [key.id]);
  const first = workspaces[0];
  const page = key.kind === "personal" || !first ? "/account" : `/${first.slug}/keys/${key.id}`;
  for (const recipient of recipients) {
    sendInBackground(
      keyLeakedMail({
        to: recipient.email,
        keyName: key.name,
        maskedKey: key.maskedKey,
        workspaceName: workspaces.map((w) => w.name).join(", ") || "your account",
        source: report.source ?? null,
        foundAt: report.url ?? null,
        reportedAt: now,
        response,
        reason: recipient.creator ? "creator" : "admin",
        link: `${publicBaseUrl()}${page}`,
      }),
    );
  }
}
