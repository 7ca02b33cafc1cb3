import { ChevronRight, Webhook } from "lucide-react";
import Link from "next/link";

/** Webhooks have a page of their own (endpoints and delivery logs): this card leads there. */
export function WebhooksCard({ slug }: { slug: string }) {
  return (
    <section aria-labelledby="webhooks-title" className="rounded-xl border border-border bg-card">
      <Link
        href={`/${slug}/settings/webhooks`}
        className="flex items-center gap-4 rounded-xl p-6 hover:bg-muted/40 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
      >
        <Webhook aria-hidden className="h-5 w-5 shrink-0 text-muted-foreground" />
        <div className="min-w-0 flex-1">
          <h2 id="webhooks-title" className="font-semibold">
            Webhooks
          </h2>
          <p className="mt-1 text-sm text-muted-foreground">
            Send this workspace's events (keys created, rotated, revoked, expiring; members; settings) to your own
            endpoints, signed, with a delivery log.
          </p>
        </div>
        <ChevronRight aria-hidden className="h-5 w-5 shrink-0 text-muted-foreground" />
      </Link>
    </section>
  );
}
