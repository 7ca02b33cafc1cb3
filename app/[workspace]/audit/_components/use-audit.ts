"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { auditPageQuery } from "@/lib/client/queries/audit";
import { KEY_MENU_API_QUERY, keyListQuery } from "@/lib/client/queries/keys";
import { membersQuery } from "@/lib/client/queries/members";

/** One page of events for the API filter query `filter` (from apiFilterQuery). */
export function useAuditPage(
  workspace: string,
  filter: string,
  pageSize: number,
  cursor: string | null,
  enabled: boolean,
) {
  return useQuery({
    ...auditPageQuery(workspace, filter, pageSize, cursor),
    // The current page stays on screen while the next one loads: no flash, no jump.
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Who could have acted and which keys events can be about, for the filter menus. */
export function useAuditFilterOptions(workspace: string) {
  const members = useQuery(membersQuery(workspace));
  const keys = useQuery(keyListQuery(workspace, KEY_MENU_API_QUERY));
  return { members: members.data?.data ?? [], keys: keys.data?.data ?? [] };
}
