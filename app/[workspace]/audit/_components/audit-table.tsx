"use client";

import { ChevronDown } from "lucide-react";
import Link from "next/link";
import { Fragment, useState } from "react";
import { AuditAction } from "@/components/audit/audit-action";
import { AuditActor } from "@/components/audit/audit-actor";
import { DataTable } from "@/components/ui/data-table";
import { RelativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import type { AuditEventView } from "@/lib/api/schemas/audit";
import { auditSummary } from "@/lib/audit/describe";
import { cn } from "@/lib/cn";
import { AuditEventDetails } from "./audit-event-details";

const COLUMNS = ["Time", "Actor", "Action", "Target", "Source"];

/** Events newest first; each row opens to show everything recorded with it. */
export function AuditTable({
  workspace,
  events,
  skeletonRows,
}: {
  workspace: string;
  events: AuditEventView[] | undefined;
  skeletonRows: number;
}) {
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <DataTable
      caption="Audit events, newest first"
      columns={COLUMNS}
      actionsColumn={{ label: "Details", className: "w-12" }}
      className="shadow-sm"
    >
      {events
        ? events.map((event) => {
            const expanded = open.has(event.id);
            const detailsId = `audit-details-${event.id}`;
            const summary = auditSummary(event.action, event.metadata);
            return (
              <Fragment key={event.id}>
                <tr data-event-id={event.id} className={cn("align-top", expanded && "bg-muted/30")}>
                  <td className="px-4 py-3 whitespace-nowrap">
                    <RelativeTime value={event.createdAt} />
                  </td>
                  <td className="max-w-56 px-4 py-3">
                    <AuditActor actor={event.actor} />
                  </td>
                  <td className="px-4 py-3">
                    <AuditAction action={event.action} />
                    {summary ? <p className="mt-1 max-w-64 text-xs text-muted-foreground">{summary}</p> : null}
                  </td>
                  <td className="max-w-56 px-4 py-3">
                    <AuditTarget workspace={workspace} target={event.target} />
                  </td>
                  <td className="max-w-52 px-4 py-3">
                    {event.ip || event.userAgent ? (
                      <>
                        <div className="font-mono text-xs">{event.ip ?? "—"}</div>
                        {event.userAgent ? (
                          <div className="truncate text-xs text-muted-foreground">{event.userAgent}</div>
                        ) : null}
                      </>
                    ) : (
                      <span className="text-muted-foreground">—</span>
                    )}
                  </td>
                  <td className="px-4 py-2.5 text-right">
                    <button
                      type="button"
                      aria-expanded={expanded}
                      aria-controls={detailsId}
                      aria-label={`Details of ${event.action} ${event.target?.label ?? ""}`.trim()}
                      onClick={() => toggle(event.id)}
                      className="inline-flex h-8 w-8 items-center justify-center rounded-md text-muted-foreground hover:bg-muted hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
                    >
                      <ChevronDown aria-hidden className={cn("h-4 w-4 transition", expanded && "rotate-180")} />
                    </button>
                  </td>
                </tr>
                {expanded ? (
                  <tr id={detailsId} className="bg-muted/30">
                    <td colSpan={COLUMNS.length + 1} className="px-4 pt-1 pb-4">
                      <AuditEventDetails event={event} />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })
        : Array.from({ length: skeletonRows }, (_, row) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have nothing else to key on
            <tr key={row} aria-hidden>
              {[...COLUMNS, ""].map((column) => (
                <td key={column} className="px-4 py-3.5">
                  <Skeleton className={cn("h-4", column ? "w-full max-w-32" : "ml-auto w-6")} />
                </td>
              ))}
            </tr>
          ))}
    </DataTable>
  );
}

function AuditTarget({ workspace, target }: { workspace: string; target: AuditEventView["target"] }) {
  if (!target) return <span className="text-muted-foreground">—</span>;
  const label = target.label ?? target.id;
  const kind = { key: "API key", member: "Member", invitation: "Invitation", workspace: "Workspace", user: "Account" }[
    target.type
  ];
  return (
    <div className="min-w-0">
      {target.type === "key" ? (
        <Link
          href={`/${workspace}/keys/${target.id}`}
          className="block truncate font-medium text-primary hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
        >
          {label}
        </Link>
      ) : (
        <span className="block truncate font-medium">{label}</span>
      )}
      <span className="block text-xs text-muted-foreground">{kind ?? target.type}</span>
    </div>
  );
}
