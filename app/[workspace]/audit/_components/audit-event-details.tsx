import type { ReactNode } from "react";
import type { AuditEventView } from "@/lib/api/schemas/audit";

/** Everything recorded with one event, including the raw details for anyone matching it against logs. */
export function AuditEventDetails({ event }: { event: AuditEventView }) {
  return (
    <div className="grid gap-4 rounded-lg border border-border bg-card p-4 md:grid-cols-2">
      <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-2 text-xs">
        <Item label="Time">{new Date(event.createdAt).toLocaleString()}</Item>
        <Item label="Event ID">
          <code className="font-mono">{event.id}</code>
        </Item>
        <Item label="Action">
          <code className="font-mono">{event.action}</code>
        </Item>
        <Item label={event.actor.type === "key" ? "Actor key ID" : "Actor user ID"}>
          <code className="font-mono">{event.actor.id}</code>
        </Item>
        {event.target ? (
          <Item label={`Target ${event.target.type} ID`}>
            <code className="font-mono">{event.target.id}</code>
          </Item>
        ) : null}
        <Item label="IP address">{event.ip ? <code className="font-mono">{event.ip}</code> : "Not recorded"}</Item>
        <Item label="User agent">{event.userAgent ?? "Not recorded"}</Item>
      </dl>
      <div className="min-w-0">
        <p className="mb-1.5 text-xs font-medium text-muted-foreground">Recorded details</p>
        {event.metadata === null ? (
          <p className="text-xs text-muted-foreground">None</p>
        ) : (
          <pre className="rounded-md bg-muted p-3 font-mono text-xs leading-relaxed break-all whitespace-pre-wrap">
            {JSON.stringify(event.metadata, null, 2)}
          </pre>
        )}
      </div>
    </div>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-all">{children}</dd>
    </>
  );
}
