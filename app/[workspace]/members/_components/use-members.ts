"use client";

import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { withArticle } from "@/components/workspace/role-badge";
import type { InvitationView, MemberView } from "@/lib/api/schemas/members";
import type { Role } from "@/lib/auth/scopes";
import { apiFetch } from "@/lib/client/api";
import { refreshWithAudit } from "@/lib/client/queries/audit";
import { invitationsQuery, memberKeys, membersQuery } from "@/lib/client/queries/members";

export const useMembers = (workspace: string) => useQuery(membersQuery(workspace));
export const useInvitations = (workspace: string) => useQuery(invitationsQuery(workspace));

/** Members and invitations, wherever they show, and the audit log. */
const refreshMembers = (queryClient: QueryClient, workspace: string) =>
  refreshWithAudit(queryClient, workspace, memberKeys.all(workspace));

export function useInvite(workspace: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; role: Role }) =>
      apiFetch<InvitationView>("/api/v1/members/invitations", { method: "POST", workspace, body: input }),
    onSuccess: (invitation) => {
      toast.success(`Invitation for ${invitation.email} created`);
      void refreshMembers(queryClient, workspace);
    },
  });
}

export function useCancelInvitation(workspace: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitation: InvitationView) =>
      apiFetch<null>(`/api/v1/members/invitations/${invitation.id}`, { method: "DELETE", workspace }),
    onSuccess: (_, invitation) => {
      toast.success(`Invitation for ${invitation.email} revoked. Its link no longer works.`);
      queryClient.setQueryData(invitationsQuery(workspace).queryKey, (list) =>
        list ? { data: list.data.filter((i) => i.id !== invitation.id) } : list,
      );
      void refreshMembers(queryClient, workspace);
    },
    onError: (error) => toast.error(error.message),
  });
}

export function useChangeRole(workspace: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ member, role }: { member: MemberView; role: Role }) =>
      apiFetch<MemberView>(`/api/v1/members/${member.id}`, { method: "PATCH", workspace, body: { role } }),
    onSuccess: (updated) => {
      toast.success(`${updated.name} is now ${withArticle(updated.role)}`);
      queryClient.setQueryData(membersQuery(workspace).queryKey, (list) =>
        list ? { data: list.data.map((m) => (m.id === updated.id ? updated : m)) } : list,
      );
      void refreshMembers(queryClient, workspace);
    },
  });
}

/** Removes a member, or the viewer themselves (leaving the workspace). */
export function useRemoveMember(workspace: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (member: MemberView) => apiFetch<null>(`/api/v1/members/${member.id}`, { method: "DELETE", workspace }),
    onSuccess: (_, member) => {
      queryClient.setQueryData(membersQuery(workspace).queryKey, (list) =>
        list ? { data: list.data.filter((m) => m.id !== member.id) } : list,
      );
      void refreshMembers(queryClient, workspace);
    },
  });
}
