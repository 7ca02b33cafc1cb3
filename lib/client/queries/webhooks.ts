import { queryOptions } from "@tanstack/react-query";
import type { WebhookDeliveryView, WebhookView } from "../../api/schemas/webhooks";
import { apiFetch } from "../api";

export const webhookKeys = {
  all: (workspace: string) => ["webhooks", workspace] as const,
  deliveries: (workspace: string, id: string) => ["webhooks", workspace, id, "deliveries"] as const,
};

export function webhooksQuery(workspace: string) {
  return queryOptions({
    queryKey: webhookKeys.all(workspace),
    queryFn: async () => (await apiFetch<{ data: WebhookView[] }>("/api/v1/webhooks", { workspace })).data,
  });
}

/** The newest deliveries; polled while any is still pending, so attempts show up as they happen. */
export function deliveriesQuery(workspace: string, id: string) {
  return queryOptions({
    queryKey: webhookKeys.deliveries(workspace, id),
    queryFn: async () =>
      (
        await apiFetch<{ data: WebhookDeliveryView[]; nextCursor: string | null }>(
          `/api/v1/webhooks/${id}/deliveries?limit=20`,
          { workspace },
        )
      ).data,
    refetchInterval: (query) => (query.state.data?.some((d) => d.status === "pending") ? 1_500 : 15_000),
  });
}
