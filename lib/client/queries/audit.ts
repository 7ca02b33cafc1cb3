import { type QueryClient, type QueryKey, queryOptions } from "@tanstack/react-query";
import type { AuditList } from "../../api/schemas/audit";
import { apiFetch } from "../api";

/** The audit log's queries. Every change (keys, members, settings) writes an event, so mutations refresh auditKeys.all too. */
export const auditKeys = {
  all: (workspace: string) => ["audit", workspace] as const,
};

/** After a change: refreshes what shows the changed thing (`queryKey`), and the audit log, which recorded it. */
export function refreshWithAudit(client: QueryClient, workspace: string, queryKey: QueryKey) {
  return Promise.all([
    client.invalidateQueries({ queryKey }),
    client.invalidateQueries({ queryKey: auditKeys.all(workspace) }),
  ]);
}

/** The query string of GET /api/v1/audit for one page of `filter` (the API's filter parameters). */
export function auditPageApiQuery(filter: string, pageSize: number, cursor: string | null): string {
  const query = new URLSearchParams(filter);
  query.set("limit", String(pageSize));
  if (cursor) query.set("cursor", cursor);
  return query.toString();
}

/** One page of events; `filter` comes from the page's URL state, without paging. */
export function auditPageQuery(workspace: string, filter: string, pageSize: number, cursor: string | null) {
  return queryOptions({
    queryKey: [...auditKeys.all(workspace), "page", filter, pageSize, cursor] as const,
    queryFn: () => apiFetch<AuditList>(`/api/v1/audit?${auditPageApiQuery(filter, pageSize, cursor)}`, { workspace }),
  });
}

export const KEY_AUDIT_LIMIT = 20;

export const keyAuditTrailApiQuery = (keyId: string) =>
  new URLSearchParams({ targetId: keyId, limit: String(KEY_AUDIT_LIMIT) }).toString();

/** The latest events about one key, for its page. */
export function keyAuditTrailQuery(workspace: string, keyId: string) {
  return queryOptions({
    queryKey: [...auditKeys.all(workspace), "key", keyId] as const,
    queryFn: () => apiFetch<AuditList>(`/api/v1/audit?${keyAuditTrailApiQuery(keyId)}`, { workspace }),
  });
}
