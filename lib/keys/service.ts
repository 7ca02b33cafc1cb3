import { z } from "zod";
import { ApiError } from "../api/errors";
import type { createKeySchema, listKeysQuerySchema } from "../api/schemas/keys";
import { recordAudit } from "../audit/record";
import { actorOf, type Principal, type RequestMeta } from "../auth/principal";
import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { newId } from "../ids";
import { expiryFromPreset } from "./expiry";
import { generateKey } from "./format";
import { hashKey } from "./hash";
import { maskKey } from "./mask";
import type { KeyRow } from "./serialize";

const createdBySelect = { createdBy: { select: { id: true, name: true, email: true } } } as const;

export interface CreatedKey {
  row: KeyRow;
  secret: string;
}

/** Mints a workspace key; the secret exists only in the return value. */
export async function createKey(
  db: Db,
  principal: Principal,
  input: z.output<typeof createKeySchema>,
  meta: RequestMeta,
  now: Date,
): Promise<CreatedKey> {
  if (principal.type === "key" && !principal.workspace.allowKeyMinting) {
    throw new ApiError("FORBIDDEN", "You can't mint a key with a key: this workspace does not allow it");
  }
  const scopes = input.scopes ? [...new Set(input.scopes)] : principal.scopes;
  const beyond = scopes.filter((scope) => !principal.scopes.includes(scope));
  if (beyond.length > 0) {
    throw new ApiError("FORBIDDEN", `You cannot grant scopes you do not hold: ${beyond.join(", ")}`, {
      issues: [{ field: "scopes", message: `Not within your permissions: ${beyond.join(", ")}` }],
    });
  }
  const secret = generateKey(principal.workspace.keyPrefix, input.environment);
  const row = await db.$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: {
        id: newId("key"),
        kind: "workspace",
        workspaceId: principal.workspace.id,
        name: input.name,
        description: input.description || null,
        environment: input.environment,
        hash: hashKey(secret),
        maskedKey: maskKey(secret),
        scopes,
        expiresAt: expiryFromPreset(input.expiresIn, now),
        createdById: principal.userId,
        createdAt: now,
      },
      include: createdBySelect,
    });
    await recordAudit(tx, actorOf(principal, meta), {
      workspaceId: principal.workspace.id,
      action: "key.created",
      targetType: "key",
      targetId: created.id,
      metadata: { name: created.name, environment: created.environment, scopes },
    });
    return created;
  });
  return { row, secret };
}

export interface KeyPage {
  rows: KeyRow[];
  nextCursor: string | null;
}

/** Newest first, keyset-paginated on (createdAt, id) so deep pages stay as fast as the first. */
export async function listKeys(
  db: Db,
  workspaceId: string,
  query: z.output<typeof listKeysQuerySchema>,
): Promise<KeyPage> {
  const where: Prisma.ApiKeyWhereInput = { workspaceId, kind: "workspace" };
  if (query.environment) where.environment = query.environment;
  if (query.search) where.name = { contains: query.search, mode: "insensitive" };
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  if (cursor) {
    where.OR = [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }];
  }
  const rows = await db.apiKey.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    include: createdBySelect,
  });
  const more = rows.length > query.limit;
  const page = more ? rows.slice(0, query.limit) : rows;
  const last = page.at(-1);
  return { rows: page, nextCursor: more && last ? encodeCursor(last.createdAt, last.id) : null };
}

export async function getKey(db: Db, workspaceId: string, id: string): Promise<KeyRow> {
  const row = await db.apiKey.findFirst({ where: { id, workspaceId }, include: createdBySelect });
  if (!row) throw new ApiError("NOT_FOUND", "No such key in this workspace");
  return row;
}

/** Immediate and permanent; the row stays for audit. Revoking twice is a no-op. */
export async function revokeKey(
  db: Db,
  principal: Principal,
  id: string,
  meta: RequestMeta,
  now: Date,
): Promise<KeyRow> {
  return db.$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({ where: { id, workspaceId: principal.workspace.id } });
    if (!key) throw new ApiError("NOT_FOUND", "No such key in this workspace");
    if (key.revokedAt) return tx.apiKey.findUniqueOrThrow({ where: { id }, include: createdBySelect });
    const revoked = await tx.apiKey.update({
      where: { id },
      data: { revokedAt: now, revokedById: principal.userId },
      include: createdBySelect,
    });
    await recordAudit(tx, actorOf(principal, meta), {
      workspaceId: principal.workspace.id,
      action: "key.revoked",
      targetType: "key",
      targetId: id,
      metadata: { name: key.name },
    });
    return revoked;
  });
}

const cursorSchema = z.tuple([z.iso.datetime(), z.string().min(1).max(64)]);

function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString("base64url");
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const [createdAt, id] = cursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return { createdAt: new Date(createdAt), id };
  } catch {
    throw new ApiError("VALIDATION_FAILED", "cursor: Invalid cursor", {
      issues: [{ field: "cursor", message: "Invalid cursor" }],
    });
  }
}
