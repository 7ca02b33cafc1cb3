"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import type { CreatedKeyView, CreateKeyInput, KeyView } from "@/lib/api/schemas/keys";
import { apiFetch } from "@/lib/client/api";

export const keysQueryKey = (workspace: string) => ["keys", workspace] as const;

export function useKeys(workspace: string) {
  return useQuery({
    queryKey: keysQueryKey(workspace),
    queryFn: () => apiFetch<{ data: KeyView[]; nextCursor: string | null }>("/api/v1/keys?limit=100", { workspace }),
  });
}

export function useCreateKey(workspace: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateKeyInput) =>
      apiFetch<CreatedKeyView>("/api/v1/keys", { method: "POST", workspace, body: input }),
    onSuccess: (created) => {
      toast.success(`Key "${created.name}" created`);
      void queryClient.invalidateQueries({ queryKey: keysQueryKey(workspace) });
    },
  });
}

export function useRevokeKey(workspace: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (key: KeyView) => apiFetch<KeyView>(`/api/v1/keys/${key.id}`, { method: "DELETE", workspace }),
    onSuccess: (revoked) => {
      toast.success(`Key "${revoked.name}" revoked. It stops working immediately.`);
      queryClient.setQueryData(
        keysQueryKey(workspace),
        (page: { data: KeyView[]; nextCursor: string | null } | undefined) =>
          page ? { ...page, data: page.data.map((k) => (k.id === revoked.id ? revoked : k)) } : page,
      );
      void queryClient.invalidateQueries({ queryKey: keysQueryKey(workspace) });
    },
    onError: (error) => toast.error(error.message),
  });
}
