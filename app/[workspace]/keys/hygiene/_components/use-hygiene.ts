"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { BulkResult, HygieneReport } from "@/lib/api/schemas/hygiene";
import { apiFetch } from "@/lib/client/api";
import { auditKeys } from "@/lib/client/queries/audit";
import { hygieneQuery, keyKeys } from "@/lib/client/queries/keys";

export type BulkAction = "revoke" | "disable";
const BULK_LIMIT = 100;

export function useHygiene(workspace: string, initialData: HygieneReport) {
  return useQuery({ ...hygieneQuery(workspace), initialData });
}

/** One request for the chosen keys; every view of the workspace's keys and its audit log refresh after it. */
export function useBulkAction(workspace: string) {
  const queryClient = useQueryClient();
  return useMutation({
    // The API takes 100 keys a call: a larger selection goes in several.
    mutationFn: async ({ action, ids }: { action: BulkAction; ids: string[] }) => {
      const result: BulkResult = { done: [], unchanged: [], failed: [] };
      for (let start = 0; start < ids.length; start += BULK_LIMIT) {
        const part = await apiFetch<BulkResult>(`/api/v1/keys/bulk/${action}`, {
          method: "POST",
          workspace,
          body: { ids: ids.slice(start, start + BULK_LIMIT) },
        });
        result.done.push(...part.done);
        result.unchanged.push(...part.unchanged);
        result.failed.push(...part.failed);
      }
      return result;
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: keyKeys.all(workspace) }),
        queryClient.invalidateQueries({ queryKey: auditKeys.all(workspace) }),
      ]),
  });
}
