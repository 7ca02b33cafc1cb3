import type { KeyList, KeyView, ListKeysQuery } from "../api/schemas/keys";
import type { Db } from "../db/client";
import type { KeyOwner } from "./key-owner";
import { toKeyView } from "./serialize";
import { getKey, listKeys } from "./service";
import { type UsageRange, type UsageReport, usageReport } from "./usage-report";

/**
 * What GET /api/v1/keys, /keys/{id} and /keys/{id}/usage answer, as plain data: the route
 * handlers send it, and the dashboard's pages read the same on the server for their first
 * render, so the browser's cache holds exactly what the API would have said.
 */
export async function keyListView(db: Db, workspace: KeyOwner, query: ListKeysQuery, now: Date): Promise<KeyList> {
  const page = await listKeys(db, workspace, query, now);
  // Each row already leaves through keySchema (toKeyView): parsing the whole page again would only repeat it.
  return {
    data: page.rows.map((row) => toKeyView(row, now)),
    nextCursor: page.nextCursor,
    prevCursor: page.prevCursor,
  };
}

export async function keyView(db: Db, workspace: KeyOwner, id: string, now: Date): Promise<KeyView> {
  return toKeyView(await getKey(db, workspace, id), now);
}

export async function keyUsageView(
  db: Db,
  workspace: KeyOwner,
  id: string,
  range: UsageRange,
  now: Date,
): Promise<UsageReport> {
  const key = await getKey(db, workspace, id);
  return usageReport(db, key.id, range, now);
}
