"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowLeft, Plus, Webhook } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { LoadError } from "@/components/ui/load-error";
import { Skeleton } from "@/components/ui/skeleton";
import type { WebhookWithSecretView } from "@/lib/api/schemas/webhooks";
import { webhooksQuery } from "@/lib/client/queries/webhooks";
import { EndpointCard } from "./endpoint-card";
import { EndpointDialog } from "./endpoint-dialog";
import { SecretDialog } from "./secret-dialog";

/** The workspace's webhook endpoints, each with its delivery log. */
export function WebhooksView({ slug, workspaceName }: { slug: string; workspaceName: string }) {
  const list = useQuery(webhooksQuery(slug));
  const [adding, setAdding] = useState(false);
  const [revealed, setRevealed] = useState<{ secret: string; title: string } | null>(null);
  const onSecret = (endpoint: WebhookWithSecretView, title: string) => setRevealed({ secret: endpoint.secret, title });

  return (
    <div className="space-y-6">
      <div>
        <Link
          href={`/${slug}/settings`}
          className="inline-flex items-center gap-1 rounded text-sm text-muted-foreground hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
        >
          <ArrowLeft aria-hidden className="h-4 w-4" /> Settings
        </Link>
        <div className="mt-2 flex flex-wrap items-start justify-between gap-3">
          <div>
            <h1 className="text-2xl font-semibold tracking-tight">Webhooks</h1>
            <p className="mt-1 max-w-2xl text-sm text-muted-foreground">
              {workspaceName}'s events, sent to your endpoints as they happen: signed with the endpoint's secret
              (Standard Webhooks), retried with backoff for 24 hours when the endpoint fails.
            </p>
          </div>
          {list.data && list.data.length > 0 ? (
            <Button onClick={() => setAdding(true)}>
              <Plus aria-hidden className="h-4 w-4" /> Add endpoint
            </Button>
          ) : null}
        </div>
      </div>

      {list.isPending ? (
        <div className="space-y-3" aria-busy="true">
          <span className="sr-only">Loading webhooks…</span>
          <Skeleton className="h-40 w-full" />
          <Skeleton className="h-40 w-full" />
        </div>
      ) : list.isError ? (
        <LoadError
          title="Could not load the webhooks"
          error={list.error}
          onRetry={() => void list.refetch()}
          retrying={list.isFetching}
        />
      ) : list.data.length === 0 ? (
        <div className="flex flex-col items-center rounded-xl border border-dashed border-border bg-card px-6 py-14 text-center">
          <Webhook aria-hidden className="h-8 w-8 text-muted-foreground" />
          <h2 className="mt-3 font-medium">No endpoints yet</h2>
          <p className="mt-1 max-w-md text-sm text-muted-foreground">
            Add an HTTPS endpoint to hear about keys created, rotated, revoked or expiring, members joining and leaving,
            and settings changes, as they happen.
          </p>
          <Button className="mt-5" onClick={() => setAdding(true)}>
            <Plus aria-hidden className="h-4 w-4" /> Add endpoint
          </Button>
        </div>
      ) : (
        <div className="space-y-6">
          {list.data.map((endpoint) => (
            <EndpointCard
              key={endpoint.id}
              slug={slug}
              endpoint={endpoint}
              onSecret={(rotated) => onSecret(rotated, "The new signing secret")}
            />
          ))}
        </div>
      )}

      <EndpointDialog
        slug={slug}
        open={adding}
        onOpenChange={setAdding}
        onCreated={(created) => onSecret(created, "Endpoint added: its signing secret")}
      />
      <SecretDialog revealed={revealed} onClose={() => setRevealed(null)} />
    </div>
  );
}
