"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import type { WebhookDeliveryView, WebhookView, WebhookWithSecretView } from "@/lib/api/schemas/webhooks";
import { apiFetch } from "@/lib/client/api";
import { auditKeys } from "@/lib/client/queries/audit";
import { webhookKeys } from "@/lib/client/queries/webhooks";

export interface WebhookInput {
  url: string;
  events: string[];
  enabled: boolean;
}

/** One hook per action, each refreshing what it changed (the list, a delivery log, the audit log). */
export function useWebhookMutations(workspace: string) {
  const queryClient = useQueryClient();
  const refreshList = () => {
    void queryClient.invalidateQueries({ queryKey: webhookKeys.all(workspace), exact: true });
    void queryClient.invalidateQueries({ queryKey: auditKeys.all(workspace) });
  };
  const refreshLog = (id: string) =>
    void queryClient.invalidateQueries({ queryKey: webhookKeys.deliveries(workspace, id) });

  const create = useMutation({
    mutationFn: (input: WebhookInput) =>
      apiFetch<WebhookWithSecretView>("/api/v1/webhooks", { method: "POST", workspace, body: input }),
    onSuccess: refreshList,
  });
  const update = useMutation({
    mutationFn: ({ id, ...input }: Partial<WebhookInput> & { id: string }) =>
      apiFetch<WebhookView>(`/api/v1/webhooks/${id}`, { method: "PATCH", workspace, body: input }),
    onSuccess: refreshList,
  });
  const remove = useMutation({
    mutationFn: (id: string) => apiFetch<null>(`/api/v1/webhooks/${id}`, { method: "DELETE", workspace }),
    onSuccess: () => {
      toast.success("Webhook deleted");
      refreshList();
    },
  });
  const rotate = useMutation({
    mutationFn: (id: string) =>
      apiFetch<WebhookWithSecretView>(`/api/v1/webhooks/${id}/rotate-secret`, { method: "POST", workspace }),
    onSuccess: refreshList,
  });
  const sendTest = useMutation({
    mutationFn: (id: string) =>
      apiFetch<WebhookDeliveryView>(`/api/v1/webhooks/${id}/test`, { method: "POST", workspace }),
    onSuccess: (_, id) => {
      toast.success("Test event queued: watch the delivery log");
      refreshLog(id);
    },
    onError: (error) => toast.error(error.message),
  });
  const redeliver = useMutation({
    mutationFn: ({ id, deliveryId }: { id: string; deliveryId: string }) =>
      apiFetch<WebhookDeliveryView>(`/api/v1/webhooks/${id}/deliveries/${deliveryId}/redeliver`, {
        method: "POST",
        workspace,
      }),
    onSuccess: (_, { id }) => {
      toast.success("Queued again");
      refreshLog(id);
    },
    onError: (error) => toast.error(error.message),
  });
  return { create, update, remove, rotate, sendTest, redeliver };
}
