"use client";

import { Pencil, RotateCw, Send, Trash2 } from "lucide-react";
import { useId, useState } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { RelativeTime } from "@/components/ui/relative-time";
import type { WebhookView, WebhookWithSecretView } from "@/lib/api/schemas/webhooks";
import { DeliveryLog } from "./delivery-log";
import { EndpointDialog } from "./endpoint-dialog";
import { useWebhookMutations } from "./use-webhook-mutations";

/** One endpoint: where it sends, what, whether it is on; its actions and its delivery log. */
export function EndpointCard({
  slug,
  endpoint,
  onSecret,
}: {
  slug: string;
  endpoint: WebhookView;
  onSecret: (rotated: WebhookWithSecretView) => void;
}) {
  const titleId = useId();
  const { sendTest, rotate, remove } = useWebhookMutations(slug);
  const [editing, setEditing] = useState(false);
  const [confirm, setConfirm] = useState<"rotate" | "delete" | null>(null);

  return (
    <section aria-labelledby={titleId} className="rounded-xl border border-border bg-card">
      <div className="space-y-3 p-5">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <h2 id={titleId} className="break-all font-mono text-sm font-semibold">
              {endpoint.url}
            </h2>
            <p className="mt-1 text-xs text-muted-foreground">
              Added <RelativeTime value={endpoint.createdAt} />
              {endpoint.failingSince ? (
                <>
                  {" · "}failing since <RelativeTime value={endpoint.failingSince} />
                </>
              ) : null}
            </p>
          </div>
          {endpoint.enabled ? (
            <Badge tone="green">Enabled</Badge>
          ) : endpoint.disabledReason === "failing" ? (
            <Badge tone="red">Disabled after 3 days of failures</Badge>
          ) : (
            <Badge>Disabled</Badge>
          )}
        </div>
        <ul aria-label="Events" className="flex flex-wrap gap-1.5">
          {endpoint.events.map((event) => (
            <li key={event}>
              <Badge tone="blue" className="font-mono">
                {event}
              </Badge>
            </li>
          ))}
        </ul>
        <div className="flex flex-wrap gap-2">
          <Button
            size="sm"
            variant="secondary"
            disabled={!endpoint.enabled || sendTest.isPending}
            title={endpoint.enabled ? undefined : "Enable the endpoint to send a test event"}
            onClick={() => sendTest.mutate(endpoint.id)}
          >
            <Send aria-hidden className="h-3.5 w-3.5" /> {sendTest.isPending ? "Sending…" : "Send test event"}
          </Button>
          <Button size="sm" variant="secondary" onClick={() => setEditing(true)}>
            <Pencil aria-hidden className="h-3.5 w-3.5" /> Edit
          </Button>
          <Button size="sm" variant="secondary" onClick={() => setConfirm("rotate")}>
            <RotateCw aria-hidden className="h-3.5 w-3.5" /> Rotate secret
          </Button>
          <Button size="sm" variant="ghost" className="text-danger" onClick={() => setConfirm("delete")}>
            <Trash2 aria-hidden className="h-3.5 w-3.5" /> Delete
          </Button>
        </div>
      </div>
      <DeliveryLog slug={slug} endpoint={endpoint} />

      <EndpointDialog slug={slug} open={editing} onOpenChange={setEditing} editing={endpoint} />
      <Dialog open={confirm !== null} onOpenChange={(open) => !open && setConfirm(null)}>
        <DialogContent
          title={confirm === "delete" ? "Delete this endpoint?" : "Rotate the signing secret?"}
          description={
            confirm === "delete"
              ? "Nothing more is sent to it, and its delivery log is deleted with it."
              : "The current secret stops working at once: deliveries from now on (retries too) are signed with the new one. Update your receiver straight away."
          }
        >
          <div className="flex justify-end gap-2">
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button
              variant="danger"
              disabled={rotate.isPending || remove.isPending}
              onClick={async () => {
                try {
                  if (confirm === "delete") await remove.mutateAsync(endpoint.id);
                  else onSecret(await rotate.mutateAsync(endpoint.id));
                  setConfirm(null);
                } catch (error) {
                  toast.error((error as Error).message);
                }
              }}
            >
              {confirm === "delete" ? "Delete endpoint" : "Rotate secret"}
            </Button>
          </div>
        </DialogContent>
      </Dialog>
    </section>
  );
}
