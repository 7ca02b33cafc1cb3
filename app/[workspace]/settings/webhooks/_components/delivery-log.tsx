"use client";

import { useQuery } from "@tanstack/react-query";
import { RotateCcw } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { LoadError } from "@/components/ui/load-error";
import { RelativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import type { WebhookDeliveryView, WebhookView } from "@/lib/api/schemas/webhooks";
import { deliveriesQuery } from "@/lib/client/queries/webhooks";
import { useWebhookMutations } from "./use-webhook-mutations";

const STATUS = {
  delivered: { tone: "green", text: "Delivered" },
  pending: { tone: "amber", text: "Retrying" },
  failed: { tone: "red", text: "Failed" },
} as const;

/** The endpoint's latest deliveries: event, outcome, attempts, last status code and latency, the answer. */
export function DeliveryLog({ slug, endpoint }: { slug: string; endpoint: WebhookView }) {
  const log = useQuery(deliveriesQuery(slug, endpoint.id));
  const { redeliver } = useWebhookMutations(slug);
  const caption = `Delivery log of ${endpoint.url}`;

  if (log.isPending) {
    return (
      <div className="border-t border-border p-5" aria-busy="true">
        <span className="sr-only">Loading the delivery log…</span>
        <Skeleton className="h-20 w-full" />
      </div>
    );
  }
  if (log.isError) {
    return (
      <div className="border-t border-border p-5">
        <LoadError
          title="Could not load the delivery log"
          error={log.error}
          onRetry={() => void log.refetch()}
          retrying={log.isFetching}
        />
      </div>
    );
  }
  if (log.data.length === 0) {
    return (
      <p className="border-t border-border px-5 py-4 text-sm text-muted-foreground">
        No deliveries yet. Events you subscribed to appear here as they are sent; "Send test event" sends one now.
      </p>
    );
  }
  return (
    <div className="overflow-x-auto border-t border-border">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-muted/40 text-xs text-muted-foreground">
          <tr>
            <th scope="col" className="px-5 py-2 font-medium">
              Event
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Status
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Attempts
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Code
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Latency
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Response
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Queued
            </th>
            <th scope="col" className="px-5 py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {log.data.map((delivery) => (
            <DeliveryRow
              key={delivery.id}
              delivery={delivery}
              canRedeliver={endpoint.enabled}
              pending={redeliver.isPending && redeliver.variables?.deliveryId === delivery.id}
              onRedeliver={() => redeliver.mutate({ id: endpoint.id, deliveryId: delivery.id })}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DeliveryRow({
  delivery,
  canRedeliver,
  pending,
  onRedeliver,
}: {
  delivery: WebhookDeliveryView;
  canRedeliver: boolean;
  pending: boolean;
  onRedeliver: () => void;
}) {
  const status = STATUS[delivery.status];
  const answer = delivery.lastResponse ?? delivery.lastError;
  const waiting = delivery.status === "pending" && delivery.attempts === 0;
  return (
    <tr data-testid="webhook-delivery">
      <td className="px-5 py-2.5 font-mono text-xs">{delivery.eventType}</td>
      <td className="px-3 py-2.5">
        <Badge tone={waiting ? "neutral" : status.tone}>{waiting ? "Queued" : status.text}</Badge>
      </td>
      <td className="px-3 py-2.5 text-right tabular-nums">{delivery.attempts}</td>
      <td className="px-3 py-2.5 text-right font-mono tabular-nums">{delivery.lastStatusCode ?? "—"}</td>
      <td className="px-3 py-2.5 text-right tabular-nums">
        {delivery.lastLatencyMs === null ? "—" : `${delivery.lastLatencyMs} ms`}
      </td>
      <td className="max-w-[16rem] px-3 py-2.5">
        {answer ? (
          <span className="block truncate font-mono text-xs text-muted-foreground" title={answer}>
            {answer}
          </span>
        ) : (
          <span className="text-muted-foreground">—</span>
        )}
      </td>
      <td className="whitespace-nowrap px-3 py-2.5 text-muted-foreground">
        <RelativeTime value={delivery.createdAt} />
      </td>
      <td className="px-5 py-2.5 text-right">
        <Button
          size="sm"
          variant="ghost"
          disabled={!canRedeliver || pending}
          aria-label={`Redeliver ${delivery.eventType} from ${new Date(delivery.createdAt).toLocaleString()}`}
          onClick={onRedeliver}
        >
          <RotateCcw aria-hidden className="h-3.5 w-3.5" /> Redeliver
        </Button>
      </td>
    </tr>
  );
}
