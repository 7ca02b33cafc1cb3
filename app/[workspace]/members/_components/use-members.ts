"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { withArticle } from "@/components/workspace/role-badge";
import type { InvitationView, MemberView } from "@/lib/api/schemas/members";
import type { Role } from "@/lib/auth/scopes";
import { apiFetch } from "@/lib/client/api";

export const membersQueryKey = (workspace: string) => ["members", workspace] as const;
export const invitationsQueryKey = (workspace: string) => ["invitations", workspace] as const;

export function useMembers(workspace: string) {
  return useQuery({
    queryKey: membersQueryKey(workspace),
    queryFn: () => apiFetch<{ data: MemberView[] }>("/api/v1/members", { workspace }),
  });
}

export function useInvitations(workspace: string) {
  return useQuery({
    queryKey: invitationsQueryKey(workspace),
    queryFn: () => apiFetch<{ data: InvitationView[] }>("/api/v1/members/invitations", { workspace }),
  });
}

export function useInvite(workspace: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; role: Role }) =>
      apiFetch<InvitationView>("/api/v1/members/invitations", { method: "POST", workspace, body: input }),
    onSuccess: (invitation) => {
      toast.success(`Invitation for ${invitation.email} created`);
      void queryClient.invalidateQueries({ queryKey: invitationsQueryKey(workspace) });
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
      queryClient.setQueryData(invitationsQueryKey(workspace), (list: { data: InvitationView[] } | undefined) =>
        list ? { data: list.data.filter((i) => i.id !== invitation.id) } : list,
      );
      void queryClient.invalidateQueries({ queryKey: invitationsQueryKey(workspace) });
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
      queryClient.setQueryData(membersQueryKey(workspace), (list: { data: MemberView[] } | undefined) =>
        list ? { data: list.data.map((m) => (m.id === updated.id ? updated : m)) } : list,
      );
      void queryClient.invalidateQueries({ queryKey: membersQueryKey(workspace) });
    },
  });
}

/** Removes a member, or the viewer themselves (leaving the workspace). */
export function useRemoveMember(workspace: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (member: MemberView) => apiFetch<null>(`/api/v1/members/${member.id}`, { method: "DELETE", workspace }),
    onSuccess: (_, member) => {
      queryClient.setQueryData(membersQueryKey(workspace), (list: { data: MemberView[] } | undefined) =>
        list ? { data: list.data.filter((m) => m.id !== member.id) } : list,
      );
      void queryClient.invalidateQueries({ queryKey: membersQueryKey(workspace) });
    },
  });
}
