"use client";

import { type QueryClient, useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import type { CreatedKeyView, CreateKeyInput, KeyView, RotateExpiryMode, UpdateKeyInput } from "@/lib/api/schemas/keys";
import { apiFetch } from "@/lib/client/api";
import { refreshWithAudit } from "@/lib/client/queries/audit";
import { asRevoked, keyKeys, patchKey, type Snapshot } from "@/lib/client/queries/keys";

type RotatedKeyView = CreatedKeyView & { previous: KeyView };

function restore(client: QueryClient, snapshot: Snapshot | undefined) {
  for (const [cacheKey, data] of snapshot ?? []) client.setQueryData(cacheKey, data);
}

/** Lists, key pages and usage, and the audit log and trails: any of them may show what changed. */
const refreshKeys = (client: QueryClient, workspace: string) =>
  refreshWithAudit(client, workspace, keyKeys.all(workspace));

export function useCreateKey(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateKeyInput) =>
      apiFetch<CreatedKeyView>("/api/v1/keys", { method: "POST", workspace, body: input }),
    onSuccess: (created) => {
      toast.success(`Key “${created.name}” created`);
      void refreshKeys(client, workspace);
    },
  });
}

/** Edits show in the table and on the key's page at once; a refusal puts the old values back. */
export function useUpdateKey(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UpdateKeyInput }) =>
      apiFetch<KeyView>(`/api/v1/keys/${id}`, { method: "PATCH", workspace, body: changes }),
    onMutate: async ({ id, changes }) => {
      await client.cancelQueries({ queryKey: keyKeys.all(workspace) });
      return patchKey(client, workspace, id, (key) => ({
        ...key,
        ...(changes.name !== undefined && { name: changes.name.trim() }),
        ...(changes.description !== undefined && { description: changes.description?.trim() || null }),
        ...(changes.scopes !== undefined && { scopes: changes.scopes }),
        ...(changes.enabled !== undefined && { enabled: changes.enabled }),
      }));
    },
    onError: (_error, _input, snapshot) => restore(client, snapshot),
    onSuccess: (updated) => {
      toast.success(`Key “${updated.name}” updated`);
      patchKey(client, workspace, updated.id, () => updated);
    },
    onSettled: () => refreshKeys(client, workspace),
  });
}

export function useRotateKey(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ key, gracePeriod, expiry }: { key: KeyView; gracePeriod: string; expiry: RotateExpiryMode }) =>
      apiFetch<RotatedKeyView>(`/api/v1/keys/${key.id}/rotate`, {
        method: "POST",
        workspace,
        body: { gracePeriod, expiry },
      }),
    onSuccess: (rotated) => {
      toast.success(`Key “${rotated.name}” rotated`);
      patchKey(client, workspace, rotated.previous.id, () => rotated.previous);
      void refreshKeys(client, workspace);
    },
  });
}

/**
 * Revocation shows at once: the row and the key's page turn revoked, or the row leaves a
 * list that hides revoked keys.
 */
export function useRevokeKey(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (key: KeyView) => apiFetch<KeyView>(`/api/v1/keys/${key.id}`, { method: "DELETE", workspace }),
    onMutate: async (revoking) => {
      await client.cancelQueries({ queryKey: keyKeys.all(workspace) });
      const revokedAt = new Date().toISOString();
      return patchKey(client, workspace, revoking.id, asRevoked(revokedAt));
    },
    onError: (error, key, snapshot) => {
      restore(client, snapshot);
      toast.error(`Could not revoke “${key.name}”: ${error.message}`);
    },
    onSuccess: (revoked) => toast.success(`Key “${revoked.name}” revoked. It stops working immediately.`),
    onSettled: () => refreshKeys(client, workspace),
  });
}
