"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowRight, History } from "lucide-react";
import Link from "next/link";
import { AuditAction } from "@/components/audit/audit-action";
import { AuditActor } from "@/components/audit/audit-actor";
import { LoadError } from "@/components/ui/load-error";
import { RelativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { auditSummary } from "@/lib/audit/describe";
import { keyAuditTrailQuery } from "@/lib/client/queries/audit";
import { SectionCard } from "./section-card";

/** Who created, changed, rotated or revoked this key, newest first. */
export function KeyAuditTrail({ workspace, keyId }: { workspace: string; keyId: string }) {
  const trail = useQuery(keyAuditTrailQuery(workspace, keyId));
  const fullLog = `/${workspace}/audit?key=${encodeURIComponent(keyId)}`;

  return (
    <SectionCard
      id="audit-trail-heading"
      title="Audit trail"
      actions={
        <Link
          href={fullLog}
          className="inline-flex items-center gap-1 rounded text-sm text-primary hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
        >
          Open in audit log <ArrowRight aria-hidden className="h-3.5 w-3.5" />
        </Link>
      }
    >
      {trail.isError ? (
        <LoadError
          title="Could not load the audit trail"
          error={trail.error}
          onRetry={() => trail.refetch()}
          retrying={trail.isFetching}
        />
      ) : trail.isPending ? (
        <div role="status" className="space-y-4">
          <span className="sr-only">Loading the audit trail…</span>
          {["a", "b", "c"].map((id) => (
            <Skeleton key={id} className="h-10 w-full" />
          ))}
        </div>
      ) : trail.data.data.length === 0 ? (
        <div className="flex flex-col items-center py-6 text-center text-sm">
          <History aria-hidden className="h-6 w-6 text-muted-foreground" />
          <p className="mt-2 font-medium">No recorded changes</p>
          <p className="mt-0.5 text-muted-foreground">Edits, rotations and revocation of this key will appear here.</p>
        </div>
      ) : (
        <>
          <ol className="divide-y divide-border" aria-label="Audit events for this key">
            {trail.data.data.map((event) => {
              const summary = auditSummary(event.action, event.metadata);
              return (
                <li
                  key={event.id}
                  data-action={event.action}
                  className="grid gap-x-4 gap-y-1.5 py-3 first:pt-0 last:pb-0 sm:grid-cols-[9rem_1fr_auto]"
                >
                  <div>
                    <AuditAction action={event.action} />
                  </div>
                  <div className="min-w-0 text-sm">
                    <AuditActor actor={event.actor} />
                    {summary ? <p className="mt-1 text-xs text-muted-foreground">{summary}</p> : null}
                  </div>
                  <div className="text-sm whitespace-nowrap text-muted-foreground sm:text-right">
                    <RelativeTime value={event.createdAt} />
                    {event.ip ? <div className="font-mono text-xs">{event.ip}</div> : null}
                  </div>
                </li>
              );
            })}
          </ol>
          {trail.data.nextCursor ? (
            <p className="mt-4 border-t border-border pt-3 text-sm text-muted-foreground">
              Showing the latest {trail.data.data.length} events.{" "}
              <Link href={fullLog} className="text-primary hover:underline">
                See all of them in the audit log
              </Link>
              .
            </p>
          ) : null}
        </>
      )}
    </SectionCard>
  );
}
