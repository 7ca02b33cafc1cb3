"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { type KeyActing, KeyActionDialogs } from "@/components/keys/key-action-dialogs";
import { availableActions } from "@/components/keys/key-row-actions";
import { EnvironmentBadge, StatusBadge } from "@/components/keys/status-badge";
import { LiveIndicator } from "@/components/live/live-indicator";
import { LoadError } from "@/components/ui/load-error";
import { Skeleton } from "@/components/ui/skeleton";
import { isNotFound, keyQuery } from "@/lib/client/queries/keys";
import { canManageKey, type Viewer } from "@/lib/keys/permissions";
import { KeyAuditTrail } from "./key-audit-trail";
import { focusDetailAction, KeyDetailActions } from "./key-detail-actions";
import { KeyDetailsCard } from "./key-details-card";
import { KeyLifecycleNotice } from "./key-lifecycle-notice";
import { KeyNotFound } from "./key-not-found";
import { LastUsedCard } from "./last-used-card";
import { UsagePanel } from "./usage-panel";

/** One key: what it is, how it has been used, who changed it, and what can still be done to it. */
export function KeyDetailView({ workspace, keyId, viewer }: { workspace: string; keyId: string; viewer: Viewer }) {
  const key = useQuery(keyQuery(workspace, keyId));
  const router = useRouter();
  const [acting, setActing] = useState<KeyActing>(null);

  if (key.isError && isNotFound(key.error)) return <KeyNotFound />;

  return (
    <div className="space-y-6">
      <div className="flex items-center justify-between gap-4">
        <Link
          href={`/${workspace}/keys`}
          aria-label="Back to API keys"
          className="inline-flex items-center gap-1.5 rounded text-sm text-muted-foreground hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
        >
          <ArrowLeft aria-hidden className="h-4 w-4" /> API keys
        </Link>
        <LiveIndicator />
      </div>

      {key.isError ? (
        <LoadError
          title="Could not load this key"
          error={key.error}
          onRetry={() => key.refetch()}
          retrying={key.isFetching}
        />
      ) : key.isPending ? (
        <DetailSkeleton />
      ) : (
        <>
          <header className="flex flex-wrap items-start justify-between gap-4">
            <div className="min-w-0 space-y-2">
              <div className="flex flex-wrap items-center gap-2.5">
                <h1
                  tabIndex={-1}
                  data-key-heading
                  className="text-2xl font-semibold tracking-tight break-all focus:outline-none"
                >
                  {key.data.name}
                </h1>
                <StatusBadge status={key.data.status} />
                <EnvironmentBadge environment={key.data.environment} />
                {key.data.enabled ? null : <span className="text-sm font-medium text-danger">Disabled</span>}
              </div>
              {key.data.description ? (
                <p className="max-w-3xl text-sm text-muted-foreground">{key.data.description}</p>
              ) : null}
              <code className="inline-block rounded bg-muted px-2 py-1 font-mono text-sm">{key.data.maskedKey}</code>
            </div>
            <KeyDetailActions
              actions={canManageKey(viewer, key.data.createdBy?.id, key.data.kind) ? availableActions(key.data) : []}
              onAction={(action) => setActing({ action, key: key.data })}
            />
          </header>

          <KeyLifecycleNotice workspace={workspace} keyView={key.data} />

          <div className="grid gap-6 lg:grid-cols-3">
            <div className="min-w-0 space-y-6 lg:col-span-2">
              <UsagePanel workspace={workspace} keyId={keyId} neverUsed={key.data.lastUsedAt === null} />
              <KeyAuditTrail workspace={workspace} keyId={keyId} />
            </div>
            <div className="min-w-0 space-y-6">
              <LastUsedCard keyView={key.data} />
              <KeyDetailsCard keyView={key.data} />
            </div>
          </div>
        </>
      )}

      <KeyActionDialogs
        workspace={workspace}
        viewer={viewer}
        acting={acting}
        onActingDone={() => setActing(null)}
        focusAfter={(_id, closing) => focusDetailAction(closing)}
        // The new key has a page of its own; the old one stays reachable from the table.
        onRotationRevealed={(newKeyId) => router.push(`/${workspace}/keys/${encodeURIComponent(newKeyId)}`)}
      />
    </div>
  );
}

function DetailSkeleton() {
  return (
    <div role="status" className="space-y-6">
      <span className="sr-only">Loading key…</span>
      <div className="space-y-3">
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-4 w-96 max-w-full" />
        <Skeleton className="h-7 w-56" />
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Skeleton className="h-[22rem] w-full rounded-xl" />
          <Skeleton className="h-48 w-full rounded-xl" />
        </div>
        <div className="space-y-6">
          <Skeleton className="h-40 w-full rounded-xl" />
          <Skeleton className="h-80 w-full rounded-xl" />
        </div>
      </div>
    </div>
  );
}
