"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { KeyList } from "@/lib/api/schemas/keys";
import type { MemberView } from "@/lib/api/schemas/members";
import { apiFetch } from "@/lib/client/api";
import { type KeyListParams, keyListApiQuery } from "./key-list-params";

export const PAGE_SIZE = 50;

/** Everything cached about a workspace's keys starts with this; mutations refresh it all. */
export const workspaceKeysQueryKey = (workspace: string) => ["keys", workspace] as const;
/** Every cached key list of a workspace starts with this; mutations patch them. */
export const keyListsQueryKey = (workspace: string) => [...workspaceKeysQueryKey(workspace), "list"] as const;
/** One key, and (below it) its usage and audit trail, as the key's page shows them. */
export const keyQueryKey = (workspace: string, id: string) => [...workspaceKeysQueryKey(workspace), id] as const;

export function useKeyList(workspace: string, params: KeyListParams) {
  const query = keyListApiQuery(params, PAGE_SIZE);
  return useQuery({
    queryKey: [...keyListsQueryKey(workspace), query],
    queryFn: () => apiFetch<KeyList>(`/api/v1/keys?${query}`, { workspace }),
    // Paging, sorting and filtering keep the rows on screen until the next ones arrive.
    placeholderData: keepPreviousData,
  });
}

/** The workspace's members, for the creator filter. */
export function useMembers(workspace: string) {
  return useQuery({
    queryKey: ["members", workspace],
    queryFn: () => apiFetch<{ data: MemberView[] }>("/api/v1/members", { workspace }),
    staleTime: 60_000,
  });
}
