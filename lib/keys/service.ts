import type { z } from "zod";
import { decodeCursor, encodeCursor } from "../api/cursor";
import { ApiError } from "../api/errors";
import type { CreateKeyData, ListKeysQuery, RotateExpiryMode, updateKeySchema } from "../api/schemas/keys";
import { recordAudit } from "../audit/record";
import { isLiveLike, requireFreshSession } from "../auth/fresh-session";
import { actorOf, type Principal, type RequestMeta } from "../auth/principal";
import { publicBaseUrl } from "../config";
import type { Db } from "../db/client";
import { auditRecorded, type Change, publishChange } from "../events/changes";
import type { Prisma } from "../generated/prisma/client";
import { newId } from "../ids";
import { sendInBackground } from "../mail/mailer";
import { keyRevokedMail } from "../mail/messages";
import { readPolicies } from "../workspaces/policies";
import { environmentForNewKey } from "./environments";
import { expiryFromPreset, expiryWindowOf } from "./expiry";
import { type Environment, generateKey } from "./format";
import { assertCanCreateKey, assertCanCreateOrgKey, assertCanManageKey, assertGrantable } from "./guards";
import { hashKey } from "./hash";
import type { KeyOwner } from "./key-owner";
import { type KeyKind, toKeyKind } from "./key-state";
import { HASH_PREFIX_LENGTH } from "./key-state-query";
import { assertWithinLifetime } from "./lifetime-policy";
import { keyListQuery } from "./list-filter";
import { maskKey } from "./mask";
import type { KeyListRow, KeyRow } from "./serialize";

export const createdBySelect = { createdBy: { select: { id: true, name: true, email: true } } } as const;

type Tx = Prisma.TransactionClient;

export interface CreatedKey {
  row: KeyRow;
  secret: string;
}

export interface NewKeyFields {
  kind: KeyKind;
  workspaceId: string | null;
  orgId?: string | null;
  prefix: string;
  name: string;
  description: string | null;
  environment: Environment;
  scopes: string[];
  ipAllowlist: string[];
  expiresAt: Date | null;
  /** The expiry window's length; by default expiresAt − now (a rotation that keeps the date passes the old one's). */
  expiryWindowMs?: number | null;
  createdById: string;
  rateLimitMax?: number | null;
  rateLimitWindowMs?: number | null;
}

/** The announcement of a new key: every instance's key index learns that it exists. */
export function keyCreated(created: CreatedKey): Change {
  return { type: "key-created", keyId: created.row.id, hashPrefix: created.row.hash.slice(0, HASH_PREFIX_LENGTH) };
}

/** Inserts a key row; the secret exists only in the return value. */
export async function insertKey(tx: Tx, fields: NewKeyFields, now: Date): Promise<CreatedKey> {
  const { prefix, expiryWindowMs, ...data } = fields;
  const secret = generateKey(prefix, fields.environment);
  const window = fields.expiresAt ? (expiryWindowMs ?? fields.expiresAt.getTime() - now.getTime()) : null;
  const row = await tx.apiKey.create({
    data: {
      ...data,
      id: newId("key"),
      hash: hashKey(secret),
      maskedKey: maskKey(secret),
      createdAt: now,
      expiryWindowMs: window === null ? null : BigInt(window),
    },
    include: createdBySelect,
  });
  return { row, secret };
}

export async function createKey(
  db: Db,
  principal: Principal,
  input: CreateKeyData,
  meta: RequestMeta,
  now: Date,
  /** Said in the key.created audit event besides name, environment and scopes (how the key came to be). */
  auditNote: Record<string, string> = {},
): Promise<CreatedKey> {
  const orgKey = input.kind === "organization";
  if (orgKey) assertCanCreateOrgKey(principal);
  else assertCanCreateKey(principal);
  const scopes = input.scopes ? [...new Set(input.scopes)] : principal.scopes;
  assertGrantable(principal, scopes);
  const { created, event } = await db.$transaction(async (tx) => {
    const environment = await environmentForNewKey(tx, principal.workspace.id, input.environment);
    if (isLiveLike(environment)) requireFreshSession(principal, now);
    const expiresAt = input.expiresAt ?? expiryFromPreset(input.expiresIn ?? "never", now);
    const { maxKeyLifetimeDays } = await readPolicies(tx, principal.workspace.id);
    assertWithinLifetime(maxKeyLifetimeDays, expiresAt, now);
    const created = await insertKey(
      tx,
      {
        kind: input.kind,
        workspaceId: orgKey ? null : principal.workspace.id,
        orgId: orgKey ? principal.workspace.orgId : null,
        prefix: principal.workspace.keyPrefix,
        name: input.name,
        description: input.description || null,
        environment,
        scopes,
        ipAllowlist: [...new Set(input.ipAllowlist)],
        expiresAt,
        createdById: principal.userId,
        rateLimitMax: input.rateLimit?.max ?? null,
        rateLimitWindowMs: input.rateLimit?.windowMs ?? null,
      },
      now,
    );
    const event = await recordAudit(tx, actorOf(principal, meta), {
      workspaceId: principal.workspace.id,
      action: "key.created",
      targetType: "key",
      targetId: created.row.id,
      metadata: {
        name: created.row.name,
        environment: created.row.environment,
        scopes,
        ...(orgKey ? { organizationId: principal.workspace.orgId } : {}),
        ...auditNote,
      },
    });
    return { created, event };
  });
  publishChange(keyCreated(created), ...auditRecorded(event));
  return created;
}

export interface KeyPage {
  rows: KeyListRow[];
  nextCursor: string | null;
  /** Set when there may be rows before this page (it was reached with a cursor). */
  prevCursor: string | null;
}

type KeyListRecord = Omit<KeyListRow, "createdBy"> & { creatorName: string; creatorEmail: string };

export async function listKeys(db: Db, workspace: KeyOwner, query: ListKeysQuery, now: Date): Promise<KeyPage> {
  const backward = query.before !== undefined;
  const raw = query.before ?? query.cursor;
  const cursor = raw
    ? decodeCursor(raw, query.sort === "createdAt" ? "date" : "text", backward ? "before" : "cursor")
    : null;
  const records = await db.$queryRaw<KeyListRecord[]>(
    keyListQuery(workspace, query, cursor, now, query.limit + 1, backward ? "before" : "after"),
  );
  const more = records.length > query.limit;
  const page = (more ? records.slice(0, query.limit) : records).map(
    ({ creatorName, creatorEmail, ...key }): KeyListRow => ({
      ...key,
      createdBy: { id: key.createdById, name: creatorName, email: creatorEmail },
    }),
  );
  if (backward) page.reverse();
  const cursorOf = (row: KeyListRow | undefined) =>
    row
      ? encodeCursor({ value: query.sort === "createdAt" ? row.createdAt.toISOString() : row.name, id: row.id })
      : null;
  // Forward: more rows follow when the extra one came back. Backward: the page we came from follows.
  const hasNext = backward ? page.length > 0 : more;
  const hasPrev = backward ? more : cursor !== null;
  return {
    rows: page,
    nextCursor: hasNext ? cursorOf(page.at(-1)) : null,
    prevCursor: hasPrev ? cursorOf(page[0]) : null,
  };
}

/** A key of the workspace: its own, or one of its organization's. */
export async function getKey(db: Db | Tx, workspace: KeyOwner, id: string): Promise<KeyRow> {
  const row = await db.apiKey.findFirst({
    where: {
      id,
      OR: [
        { workspaceId: workspace.id, kind: "workspace" },
        { orgId: workspace.orgId, kind: "organization" },
      ],
    },
    include: createdBySelect,
  });
  if (!row) throw new ApiError("NOT_FOUND", "No such key in this workspace");
  return row;
}

export async function updateKey(
  db: Db,
  principal: Principal,
  id: string,
  input: z.output<typeof updateKeySchema>,
  meta: RequestMeta,
  now: Date,
): Promise<KeyRow> {
  const { updated, event } = await db.$transaction(async (tx) => {
    const key = await getKey(tx, principal.workspace, id);
    assertCanManageKey(principal, key);
    if (key.revokedAt) throw new ApiError("CONFLICT", "A revoked key cannot be changed");
    if (input.scopes) assertGrantable(principal, input.scopes);
    const data: Prisma.ApiKeyUpdateInput = {};
    if (input.name !== undefined) data.name = input.name;
    if (input.description !== undefined) data.description = input.description || null;
    if (input.scopes !== undefined) data.scopes = [...new Set(input.scopes)];
    if (input.ipAllowlist !== undefined) data.ipAllowlist = [...new Set(input.ipAllowlist)];
    if (input.enabled !== undefined) data.enabled = input.enabled;
    // Switched back on: the unused-key policy gives it its days again from now.
    if (input.enabled === true && !key.enabled) data.reenabledAt = now;
    if (input.expiresAt !== undefined) Object.assign(data, await newExpiry(tx, principal, key, input.expiresAt, now));
    const updated = await tx.apiKey.update({ where: { id }, data, include: createdBySelect });
    const event = await recordAudit(tx, actorOf(principal, meta), {
      workspaceId: principal.workspace.id,
      action: "key.updated",
      targetType: "key",
      targetId: id,
      metadata: { name: updated.name, changed: Object.keys(input) },
    });
    return { updated, event };
  });
  publishChange({ type: "key", keyId: id }, ...auditRecorded(event));
  return updated;
}

/**
 * A key's expiry set anew (PATCH expiresAt): within the workspace's maximum lifetime, with a
 * fresh window from now, and its expiry warnings and announcement due again.
 */
async function newExpiry(
  tx: Tx,
  principal: Principal,
  key: KeyRow,
  expiresAt: Date | null,
  now: Date,
): Promise<Prisma.ApiKeyUpdateInput> {
  if (key.rotatedAt) {
    throw new ApiError("CONFLICT", "A rotated key ends with its grace period; change its replacement's expiry instead");
  }
  if (key.kind !== "personal") {
    assertWithinLifetime((await readPolicies(tx, principal.workspace.id)).maxKeyLifetimeDays, expiresAt, now);
  }
  return {
    expiresAt,
    expiryWindowMs: expiresAt ? BigInt(expiresAt.getTime() - now.getTime()) : null,
    expiryWarnedDays: null,
    expiryAnnouncedAt: null,
  };
}

export interface RotatedKey extends CreatedKey {
  previous: KeyRow;
}

export interface RotateOptions {
  /** How long the old key keeps working, in seconds. */
  graceSeconds: number;
  /** "keep": the new key has the old key's expiry date; "renew": a fresh window of the same length from now. */
  expiry: RotateExpiryMode;
  /** The workspace's maximum key lifetime in days: the replacement must expire within it (lib/keys/lifetime-policy.ts). */
  maxLifetimeDays?: number | null;
}

/**
 * The replacement's expiry and window. A key that has already expired has no date left to
 * keep: that is a 409 pointing at "renew" rather than a new key that is dead on arrival.
 */
export function replacementExpiry(
  key: { createdAt: Date; expiresAt: Date | null; expiryWindowMs: bigint | null },
  expiry: RotateExpiryMode,
  now: Date,
): { expiresAt: Date | null; expiryWindowMs: number | null } {
  const window = expiryWindowOf(key);
  if (!key.expiresAt || window === null) return { expiresAt: null, expiryWindowMs: null };
  if (expiry === "renew") return { expiresAt: new Date(now.getTime() + window), expiryWindowMs: window };
  if (key.expiresAt.getTime() <= now.getTime()) {
    throw new ApiError(
      "CONFLICT",
      'This key has already expired, so its expiry date cannot be kept; rotate with {"expiry":"renew"} to start a fresh window',
    );
  }
  return { expiresAt: key.expiresAt, expiryWindowMs: window };
}

/**
 * One transaction: lock the old row, mint the new key with the old settings and the old
 * expiry date (or a fresh window of the same length), let the old key live until
 * min(its expiry, now + grace), and record it.
 */
export async function rotateKeyRow(
  tx: Tx,
  key: KeyRow,
  prefix: string,
  { graceSeconds, expiry, maxLifetimeDays = null }: RotateOptions,
  now: Date,
): Promise<RotatedKey> {
  await tx.$queryRaw`SELECT "id" FROM "api_key" WHERE "id" = ${key.id} FOR UPDATE`;
  const current = await tx.apiKey.findUniqueOrThrow({ where: { id: key.id } });
  if (current.revokedAt) throw new ApiError("CONFLICT", "A revoked key cannot be rotated");
  if (current.rotatedAt) throw new ApiError("CONFLICT", "This key was already rotated; rotate its replacement instead");
  const { expiresAt, expiryWindowMs } = replacementExpiry(current, expiry, now);
  assertWithinLifetime(maxLifetimeDays, expiresAt, now);
  const created = await insertKey(
    tx,
    {
      kind: toKeyKind(current.kind),
      workspaceId: current.workspaceId,
      orgId: current.orgId,
      prefix,
      name: current.name,
      description: current.description,
      environment: current.environment,
      scopes: current.scopes,
      ipAllowlist: current.ipAllowlist,
      expiresAt,
      expiryWindowMs,
      createdById: current.createdById,
      rateLimitMax: current.rateLimitMax,
      rateLimitWindowMs: current.rateLimitWindowMs,
    },
    now,
  );
  const graceEnd = new Date(now.getTime() + graceSeconds * 1000);
  const previous = await tx.apiKey.update({
    where: { id: key.id },
    data: {
      rotatedAt: now,
      replacedById: created.row.id,
      expiresAt: current.expiresAt && current.expiresAt < graceEnd ? current.expiresAt : graceEnd,
    },
    include: createdBySelect,
  });
  return { ...created, previous };
}

export async function rotateKey(
  db: Db,
  principal: Principal,
  id: string,
  options: RotateOptions,
  meta: RequestMeta,
  now: Date,
): Promise<RotatedKey> {
  const { rotated, events } = await db.$transaction(async (tx) => {
    const key = await getKey(tx, principal.workspace, id);
    assertCanManageKey(principal, key);
    if (isLiveLike(key.environment)) requireFreshSession(principal, now);
    const { maxKeyLifetimeDays } = await readPolicies(tx, principal.workspace.id);
    const rotated = await rotateKeyRow(
      tx,
      key,
      principal.workspace.keyPrefix,
      { ...options, maxLifetimeDays: maxKeyLifetimeDays },
      now,
    );
    const rotation = await recordAudit(tx, actorOf(principal, meta), {
      workspaceId: principal.workspace.id,
      action: "key.rotated",
      targetType: "key",
      targetId: id,
      metadata: {
        name: key.name,
        replacedBy: rotated.row.id,
        graceSeconds: options.graceSeconds,
        expiry: options.expiry,
      },
    });
    // The new key's own trail starts here, pointing back at the key it replaces.
    const creation = await recordAudit(tx, actorOf(principal, meta), {
      workspaceId: principal.workspace.id,
      action: "key.created",
      targetType: "key",
      targetId: rotated.row.id,
      metadata: {
        name: rotated.row.name,
        environment: rotated.row.environment,
        scopes: rotated.row.scopes,
        replaces: id,
      },
    });
    return { rotated, events: [rotation, creation] };
  });
  publishChange({ type: "key", keyId: id }, keyCreated(rotated), ...auditRecorded(...events));
  return rotated;
}

/**
 * Marks a key revoked in the caller's transaction, with no permission check (callers make
 * theirs). `revokedById` is null when no one did it (a leak report). Publish keyChanged(id)
 * once the transaction commits: every instance's cache then drops the key.
 */
export function markKeyRevoked(tx: Tx, id: string, revokedById: string | null, now: Date) {
  return tx.apiKey.update({
    where: { id },
    data: { revokedAt: now, revokedById },
    include: createdBySelect,
  });
}

/** Turns a key off in the caller's transaction (as PATCH {enabled: false} does); publish keyChanged(id) after the commit. */
export function markKeyDisabled(tx: Tx, id: string) {
  return tx.apiKey.update({ where: { id }, data: { enabled: false }, include: createdBySelect });
}

/** The announcement that a key's settings or state changed: each instance's key cache forgets it. */
export function keyChanged(id: string): Change {
  return { type: "key", keyId: id };
}

/** Immediate and permanent; the row stays for audit. Revoking twice is a no-op. A key may revoke itself. */
export async function revokeKey(
  db: Db,
  principal: Principal,
  id: string,
  meta: RequestMeta,
  now: Date,
): Promise<KeyRow> {
  const { revoked, event } = await db.$transaction(async (tx) => {
    const key = await getKey(tx, principal.workspace, id);
    // A key may always give itself up (`keysmith logout`): that takes power away, never adds it.
    if (principal.keyId !== id) assertCanManageKey(principal, key);
    if (key.revokedAt) return { revoked: key, event: null };
    const revoked = await markKeyRevoked(tx, id, principal.userId, now);
    const event = await recordAudit(tx, actorOf(principal, meta), {
      workspaceId: principal.workspace.id,
      action: "key.revoked",
      targetType: "key",
      targetId: id,
      metadata: { name: key.name },
    });
    return { revoked, event };
  });
  // After the commit: the very next verification on this instance refuses the key.
  publishChange(keyChanged(id), ...auditRecorded(...(event ? [event] : [])));
  // The creator learns that someone else took their key away (they know when they did it themselves).
  if (event && revoked.createdById !== principal.userId) {
    const page = revoked.kind === "personal" ? "/account" : `/${principal.workspace.slug}/keys/${id}`;
    sendInBackground(
      keyRevokedMail({
        to: revoked.createdBy.email,
        keyName: revoked.name,
        workspaceName: principal.workspace.name,
        revokedBy:
          principal.type === "key"
            ? `${principal.userName} (with the API key "${principal.keyName}")`
            : principal.userName,
        revokedAt: now,
        link: `${publicBaseUrl()}${page}`,
      }),
    );
  }
  return revoked;
}
