import { ApiError } from "../api/errors";
import type { ImportedKeyData, KeyImportData } from "../api/schemas/key-import";
import { recordAudits } from "../audit/record";
import { isLiveLike, requireFreshSession } from "../auth/fresh-session";
import { actorOf, type Principal, type RequestMeta } from "../auth/principal";
import type { Db } from "../db/client";
import { isPostgresUniqueViolation } from "../db/errors";
import { auditRecorded, type Change, publishChange } from "../events/changes";
import { newId } from "../ids";
import { readPolicies } from "../workspaces/policies";
import { chooseEnvironment, workspaceEnvironments } from "./environments";
import { assertCanCreateKey } from "./guards";
import { HASH_PREFIX_LENGTH } from "./key-state-query";
import { assertWithinLifetime } from "./lifetime-policy";
import { maskImportedKey } from "./mask";
import { scopesBeyond } from "./permissions";
import type { KeyRow } from "./serialize";
import { createdBySelect } from "./service";

/**
 * POST /api/v1/keys/import: keys another product issued (better-auth's api-key plugin, Unkey),
 * brought in by the SHA-256 of their secrets so that their holders need not change them. All or
 * nothing, in one transaction; each key is recorded as key.created (metadata `imported: true`)
 * and announced with its workspace, so every instance starts looking up keys in other formats
 * for this workspace (lib/verify/imported-workspaces.ts).
 */
export async function importKeys(
  db: Db,
  principal: Principal,
  input: KeyImportData,
  meta: RequestMeta,
  now: Date,
): Promise<KeyRow[]> {
  // Importing a usable key is creating one: the same rules (key creation setting, key minting).
  assertCanCreateKey(principal);
  for (const [index, key] of input.keys.entries()) assertImportGrantable(principal, key, index);
  const workspaceId = principal.workspace.id;
  const rows = input.keys.map((key) => ({
    id: newId("key"),
    kind: "workspace",
    workspaceId,
    name: key.name,
    description: key.description || null,
    environment: "", // the workspace's list decides, in the transaction
    hash: key.hash,
    maskedKey: maskImportedKey(key.prefix),
    scopes: [...new Set(key.scopes)],
    expiresAt: key.expiresAt ?? null,
    expiryWindowMs: key.expiresAt ? BigInt(key.expiresAt.getTime() - now.getTime()) : null,
    createdAt: now,
    createdById: principal.userId,
    importedAt: now,
  }));
  let events: Awaited<ReturnType<typeof recordAudits>>;
  try {
    events = await db.$transaction(async (tx) => {
      const allowed = await workspaceEnvironments(tx, workspaceId);
      // Imported keys are new keys here: the workspace's maximum lifetime applies to them too.
      const { maxKeyLifetimeDays } = await readPolicies(tx, workspaceId);
      for (const [index, row] of rows.entries()) {
        assertWithinLifetime(maxKeyLifetimeDays, row.expiresAt, now, `keys.${index}.expiresAt`);
      }
      for (const [index, row] of rows.entries()) {
        row.environment = chooseEnvironment(allowed, input.keys[index].environment, `keys.${index}.environment`);
      }
      if (rows.some((row) => isLiveLike(row.environment))) requireFreshSession(principal, now);
      const taken = await tx.apiKey.findMany({
        where: { hash: { in: rows.map((row) => row.hash) } },
        select: { hash: true },
      });
      if (taken.length > 0) throw alreadyExists(rows.findIndex((row) => row.hash === taken[0].hash));
      await tx.apiKey.createMany({ data: rows });
      return recordAudits(
        tx,
        actorOf(principal, meta),
        rows.map((row) => ({
          workspaceId,
          action: "key.created" as const,
          targetType: "key" as const,
          targetId: row.id,
          metadata: { name: row.name, environment: row.environment, scopes: row.scopes, imported: true },
        })),
      );
    });
  } catch (error) {
    // Another import (or a key) took one of the hashes since the check: which one is not known here.
    if (isPostgresUniqueViolation(error)) throw alreadyExists(null);
    throw error;
  }
  publishChange(...rows.map((row) => keyImported(row.id, row.hash, workspaceId)), ...auditRecorded(...events));
  const created = await db.apiKey.findMany({
    where: { id: { in: rows.map((row) => row.id) } },
    include: createdBySelect,
  });
  const byId = new Map(created.map((row) => [row.id, row]));
  return rows.map((row) => byId.get(row.id) as KeyRow);
}

function keyImported(keyId: string, hash: string, workspaceId: string): Change {
  return { type: "key-created", keyId, hashPrefix: hash.slice(0, HASH_PREFIX_LENGTH), importedInto: workspaceId };
}

/** As for a created key: no more than the importer holds. */
function assertImportGrantable(principal: Principal, key: ImportedKeyData, index: number): void {
  const beyond = scopesBeyond(principal, key.scopes);
  if (beyond.length === 0) return;
  const message = `Not within your permissions: ${beyond.join(", ")}`;
  throw new ApiError("FORBIDDEN", `You cannot grant scopes you do not hold: ${beyond.join(", ")}`, {
    issues: [{ field: `keys.${index}.scopes`, message }],
  });
}

/** Says which item, never whose key it is: the hash may belong to another workspace. */
function alreadyExists(index: number | null): ApiError {
  const field = index === null ? "keys" : `keys.${index}.hash`;
  const message = "A key with this hash already exists in Keysmith";
  return new ApiError("CONFLICT", `${field}: ${message}`, { issues: [{ field, message }] });
}
