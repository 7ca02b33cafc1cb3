"use client";

import { type QueryClient, useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import type { CreatedKeyView, CreateKeyInput, KeyList, KeyView, UpdateKeyInput } from "@/lib/api/schemas/keys";
import { apiFetch } from "@/lib/client/api";
import { keyListsQueryKey } from "./use-keys";

type RotatedKeyView = CreatedKeyView & { previous: KeyView };
type Snapshot = [readonly unknown[], KeyList | undefined][];

/** Applies `change` to every cached list of the workspace; returns what was there, to roll back. */
function patchLists(
  client: QueryClient,
  workspace: string,
  change: (key: KeyView, listQuery: URLSearchParams) => KeyView | null,
): Snapshot {
  const queryKey = keyListsQueryKey(workspace);
  const snapshot = client.getQueriesData<KeyList>({ queryKey });
  for (const [cacheKey, list] of snapshot) {
    if (!list) continue;
    const listQuery = new URLSearchParams(String(cacheKey.at(-1) ?? ""));
    const data = list.data.flatMap((key) => {
      const next = change(key, listQuery);
      return next ? [next] : [];
    });
    client.setQueryData<KeyList>(cacheKey, { ...list, data });
  }
  return snapshot;
}

function restore(client: QueryClient, snapshot: Snapshot | undefined) {
  for (const [cacheKey, list] of snapshot ?? []) client.setQueryData(cacheKey, list);
}

function refreshLists(client: QueryClient, workspace: string) {
  return client.invalidateQueries({ queryKey: keyListsQueryKey(workspace) });
}

export function useCreateKey(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateKeyInput) =>
      apiFetch<CreatedKeyView>("/api/v1/keys", { method: "POST", workspace, body: input }),
    onSuccess: (created) => {
      toast.success(`Key “${created.name}” created`);
      void refreshLists(client, workspace);
    },
  });
}

/** Edits show in the table at once; a refusal puts the old values back. */
export function useUpdateKey(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UpdateKeyInput }) =>
      apiFetch<KeyView>(`/api/v1/keys/${id}`, { method: "PATCH", workspace, body: changes }),
    onMutate: async ({ id, changes }) => {
      await client.cancelQueries({ queryKey: keyListsQueryKey(workspace) });
      return patchLists(client, workspace, (key) =>
        key.id === id
          ? {
              ...key,
              ...(changes.name !== undefined && { name: changes.name.trim() }),
              ...(changes.description !== undefined && { description: changes.description?.trim() || null }),
              ...(changes.scopes !== undefined && { scopes: changes.scopes }),
              ...(changes.enabled !== undefined && { enabled: changes.enabled }),
            }
          : key,
      );
    },
    onError: (_error, _input, snapshot) => restore(client, snapshot),
    onSuccess: (updated) => {
      toast.success(`Key “${updated.name}” updated`);
      patchLists(client, workspace, (key) => (key.id === updated.id ? updated : key));
    },
    onSettled: () => refreshLists(client, workspace),
  });
}

export function useRotateKey(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ key, gracePeriod }: { key: KeyView; gracePeriod: string }) =>
      apiFetch<RotatedKeyView>(`/api/v1/keys/${key.id}/rotate`, { method: "POST", workspace, body: { gracePeriod } }),
    onSuccess: (rotated) => {
      toast.success(`Key “${rotated.name}” rotated`);
      patchLists(client, workspace, (key) => (key.id === rotated.previous.id ? rotated.previous : key));
      void refreshLists(client, workspace);
    },
  });
}

/** Revocation shows at once (the row turns revoked, or leaves a list that hides revoked keys). */
export function useRevokeKey(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (key: KeyView) => apiFetch<KeyView>(`/api/v1/keys/${key.id}`, { method: "DELETE", workspace }),
    onMutate: async (revoking) => {
      await client.cancelQueries({ queryKey: keyListsQueryKey(workspace) });
      const revokedAt = new Date().toISOString();
      return patchLists(client, workspace, (key, listQuery) => {
        if (key.id !== revoking.id) return key;
        const status = listQuery.get("status");
        if (status && !status.split(",").includes("revoked")) return null;
        return { ...key, status: "revoked", revokedAt };
      });
    },
    onError: (error, key, snapshot) => {
      restore(client, snapshot);
      toast.error(`Could not revoke “${key.name}”: ${error.message}`);
    },
    onSuccess: (revoked) => toast.success(`Key “${revoked.name}” revoked. It stops working immediately.`),
    onSettled: () => refreshLists(client, workspace),
  });
}
