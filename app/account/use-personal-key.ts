"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import type { CreatedKeyView, KeyView } from "@/lib/api/schemas/keys";
import { apiFetch } from "@/lib/client/api";
import { personalKeyQuery } from "@/lib/client/queries/account";

export function usePersonalKey(enabled: boolean) {
  return useQuery({ ...personalKeyQuery(), enabled });
}

/** Creates the personal key, or rotates it (the old one lives on for `gracePeriod`). */
export function useIssuePersonalKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ gracePeriod }: { gracePeriod: string; rotating: boolean }) =>
      apiFetch<CreatedKeyView>("/api/v1/me/key", { method: "POST", body: { gracePeriod } }),
    onSuccess: (_, { rotating }) => {
      toast.success(rotating ? "Personal key rotated" : "Personal key created");
      void queryClient.invalidateQueries({ queryKey: personalKeyQuery().queryKey });
    },
  });
}

/** Revokes the personal key at once; the card then offers to create a new one. */
export function useRevokePersonalKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<{ key: KeyView }>("/api/v1/me/key", { method: "DELETE" }),
    onSuccess: () => {
      toast.success("Personal key revoked");
      void queryClient.invalidateQueries({ queryKey: personalKeyQuery().queryKey });
    },
  });
}
