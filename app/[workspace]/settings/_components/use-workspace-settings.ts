"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { z } from "zod";
import type { updateWorkspaceSchema, WorkspaceSettingsView } from "@/lib/api/schemas/workspaces";
import { ApiClientError, apiFetch } from "@/lib/client/api";
import { apiFieldErrors } from "@/lib/client/form-errors";
import { auditKeys } from "@/lib/client/queries/audit";
import { workspaceQuery } from "@/lib/client/queries/workspace";

export type WorkspaceUpdate = z.input<typeof updateWorkspaceSchema>;

export function useWorkspaceSettings(workspace: string, initialData: WorkspaceSettingsView) {
  return useQuery({ ...workspaceQuery(workspace), initialData });
}

/** One PATCH per settings card; the header (switcher, pages) re-renders with the result. */
export function useUpdateWorkspace(workspace: string) {
  const queryClient = useQueryClient();
  const router = useRouter();
  return useMutation({
    mutationFn: (input: WorkspaceUpdate) =>
      apiFetch<WorkspaceSettingsView>("/api/v1/workspace", { method: "PATCH", workspace, body: input }),
    onSuccess: (updated) => {
      queryClient.setQueryData(workspaceQuery(workspace).queryKey, updated);
      // The change is in the audit log now.
      void queryClient.invalidateQueries({ queryKey: auditKeys.all(workspace) });
      router.refresh();
    },
  });
}

/** An API refusal as the card shows it: under its field when the API names one, otherwise above the form. */
export function cardErrors(error: Error | null, field: string): { field?: string; form?: string } {
  if (!error) return {};
  const fieldMessage = error instanceof ApiClientError ? apiFieldErrors(error)[field] : undefined;
  return fieldMessage ? { field: fieldMessage } : { form: error.message };
}
