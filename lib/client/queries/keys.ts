import { type QueryClient, queryOptions } from "@tanstack/react-query";
import type { HygieneReport } from "../../api/schemas/hygiene";
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

export type Snapshot = [readonly unknown[], unknown][];

/**
 * Applies `change` to every cached list of the workspace, and to the key's own page when
 * it is cached; returns what was there, to roll back.
 */
export function patchKey(
  client: QueryClient,
  workspace: string,
  id: string,
  change: (key: KeyView, listQuery?: URLSearchParams) => KeyView | null,
): Snapshot {
  const lists = client.getQueriesData<KeyList>({ queryKey: keyKeys.lists(workspace) });
  for (const [cacheKey, list] of lists) {
    if (!list) continue;
    const listQuery = new URLSearchParams(String(cacheKey.at(-1) ?? ""));
    const data = list.data.flatMap((key) => {
      const next = key.id === id ? change(key, listQuery) : key;
      return next ? [next] : [];
    });
    client.setQueryData<KeyList>(cacheKey, { ...list, data });
  }
  const detailKey = keyKeys.detail(workspace, id);
  const detail = client.getQueryData<KeyView>(detailKey);
  const next = detail && change(detail);
  if (next) client.setQueryData<KeyView>(detailKey, next);
  return [...lists, [detailKey, detail]];
}

/** A patch for patchKey: the key shows revoked, or leaves a list that hides revoked keys. */
export const asRevoked =
  (revokedAt: string) =>
  (key: KeyView, listQuery?: URLSearchParams): KeyView | null => {
    const status = listQuery?.get("status");
    if (status && !status.split(",").includes("revoked")) return null;
    return { ...key, status: "revoked", revokedAt };
  };

/** The hygiene view's report (under keyKeys.all: every key mutation refreshes it). */
export function hygieneQuery(workspace: string) {
  return queryOptions({
    queryKey: [...keyKeys.all(workspace), "hygiene"] as const,
    queryFn: () => apiFetch<HygieneReport>("/api/v1/keys/hygiene", { workspace }),
  });
}
