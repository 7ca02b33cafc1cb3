import { ApiError } from "../api/errors";
import type { BulkResult } from "../api/schemas/hygiene";
import type { Principal, RequestMeta } from "../auth/principal";
import type { Db } from "../db/client";
import { getKey, revokeKey, updateKey } from "./service";

type Outcome = "done" | "unchanged";

/**
 * One action on many keys (the hygiene view's bulk revoke and disable): each key through the
 * same service call as one at a time (its own transaction, audit event, cache notice and mail),
 * so a key that cannot be changed is reported and the others still are.
 */
async function eachKey(ids: string[], act: (id: string) => Promise<Outcome>): Promise<BulkResult> {
  const result: BulkResult = { done: [], unchanged: [], failed: [] };
  for (const id of ids) {
    try {
      result[await act(id)].push(id);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      result.failed.push({ id, code: error.code, message: error.message });
    }
  }
  return result;
}

export function bulkRevoke(db: Db, principal: Principal, ids: string[], meta: RequestMeta, now: Date) {
  return eachKey(ids, async (id) => {
    const key = await getKey(db, principal.workspace, id);
    if (key.revokedAt) return "unchanged";
    await revokeKey(db, principal, id, meta, now);
    return "done";
  });
}

export function bulkDisable(db: Db, principal: Principal, ids: string[], meta: RequestMeta, now: Date) {
  return eachKey(ids, async (id) => {
    const key = await getKey(db, principal.workspace, id);
    if (key.revokedAt || !key.enabled) return "unchanged";
    await updateKey(db, principal, id, { enabled: false }, meta, now);
    return "done";
  });
}
