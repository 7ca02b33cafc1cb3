"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { AuditEventView } from "@/lib/api/schemas/audit";
import type { KeyView } from "@/lib/api/schemas/keys";
import type { MemberView } from "@/lib/api/schemas/members";
import { apiFetch } from "@/lib/client/api";

export interface AuditPage {
  data: AuditEventView[];
  nextCursor: string | null;
}

/** One page of events for the API filter query `filter` (from apiFilterQuery). */
export function useAuditPage(
  workspace: string,
  filter: string,
  pageSize: number,
  cursor: string | null,
  enabled: boolean,
) {
  const query = new URLSearchParams(filter);
  query.set("limit", String(pageSize));
  if (cursor) query.set("cursor", cursor);
  return useQuery({
    queryKey: ["audit", workspace, filter, pageSize, cursor],
    queryFn: () => apiFetch<AuditPage>(`/api/v1/audit?${query}`, { workspace }),
    // The current page stays on screen while the next one loads: no flash, no jump.
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Who could have acted and which keys events can be about, for the filter menus. */
export function useAuditFilterOptions(workspace: string) {
  const members = useQuery({
    queryKey: ["audit-filter-options", workspace, "members"],
    queryFn: () => apiFetch<{ data: MemberView[] }>("/api/v1/members", { workspace }),
  });
  // Under ["keys", workspace] so a key change refreshes it; 100 is the API's page limit.
  const keys = useQuery({
    queryKey: ["keys", workspace, "audit-filter-options"],
    queryFn: () => apiFetch<{ data: KeyView[] }>("/api/v1/keys?limit=100", { workspace }),
  });
  return { members: members.data?.data ?? [], keys: keys.data?.data ?? [] };
}
