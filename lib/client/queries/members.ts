import { queryOptions } from "@tanstack/react-query";
import type { InvitationView, MemberView } from "../../api/schemas/members";
import { apiFetch } from "../api";

/**
 * The workspace's members, fetched once for every view that lists them (the members page,
 * the key table's creator filter, the audit log's actor filter): a role change or a removal
 * refreshes all of them with one invalidation of memberKeys.all.
 */
export const memberKeys = {
  all: (workspace: string) => ["members", workspace] as const,
};

export function membersQuery(workspace: string) {
  return queryOptions({
    queryKey: [...memberKeys.all(workspace), "list"] as const,
    queryFn: () => apiFetch<{ data: MemberView[] }>("/api/v1/members", { workspace }),
  });
}

export function invitationsQuery(workspace: string) {
  return queryOptions({
    queryKey: [...memberKeys.all(workspace), "invitations"] as const,
    queryFn: () => apiFetch<{ data: InvitationView[] }>("/api/v1/members/invitations", { workspace }),
  });
}
