import { queryOptions } from "@tanstack/react-query";
import type { KeyList, KeyView } from "../../api/schemas/keys";
import type { UsageRange, UsageReport } from "../../keys/usage-report";
import { ApiClientError, apiFetch } from "../api";

/**
 * The dashboard's key queries, one factory each: the hooks, the mutations and the pages'
 * server render (which hands its first data over under the same keys) all build them here.
 * Everything about a workspace's keys lives under keyKeys.all, so a key mutation refreshes
 * every view of them with one invalidation.
 */
export const keyKeys = {
  all: (workspace: string) => ["keys", workspace] as const,
  /** Every cached list of the workspace, each under its API query string. */
  lists: (workspace: string) => ["keys", workspace, "list"] as const,
  /** One key, and (below it) its usage, as the key's page shows them. */
  detail: (workspace: string, id: string) => ["keys", workspace, "key", id] as const,
};

export const KEY_PAGE_SIZE = 50;
/** Every key a menu can offer (the API's page limit), such as the audit log's filters. */
export const KEY_MENU_API_QUERY = "limit=100";

/** A missing key will not appear by asking again. */
const retryUnlessMissing = (failures: number, error: Error) => !isNotFound(error) && failures < 1;

export const isNotFound = (error: Error | null) => error instanceof ApiClientError && error.status === 404;

/** `apiQuery`: the query string of GET /api/v1/keys (filters, sort, limit, cursor). */
export function keyListQuery(workspace: string, apiQuery: string) {
  return queryOptions({
    queryKey: [...keyKeys.lists(workspace), apiQuery] as const,
    queryFn: () => apiFetch<KeyList>(`/api/v1/keys?${apiQuery}`, { workspace }),
  });
}

export function keyQuery(workspace: string, id: string) {
  return queryOptions({
    queryKey: keyKeys.detail(workspace, id),
    queryFn: () => apiFetch<KeyView>(`/api/v1/keys/${encodeURIComponent(id)}`, { workspace }),
    retry: retryUnlessMissing,
    refetchInterval: 30_000,
  });
}

export function keyUsageQuery(workspace: string, id: string, range: UsageRange) {
  return queryOptions({
    queryKey: [...keyKeys.detail(workspace, id), "usage", range] as const,
    queryFn: () => apiFetch<UsageReport>(`/api/v1/keys/${encodeURIComponent(id)}/usage?range=${range}`, { workspace }),
    retry: retryUnlessMissing,
    refetchInterval: 30_000,
  });
}
