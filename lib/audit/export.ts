import type { AuditEventView } from "../api/schemas/audit";
import { csvRow } from "../csv";

export const AUDIT_CSV_COLUMNS = [
  "time",
  "action",
  "actor_type",
  "actor_id",
  "actor_name",
  "actor_email",
  "target_type",
  "target_id",
  "target_name",
  "ip",
  "user_agent",
  "details",
] as const;

export function auditCsvRow(event: AuditEventView): string {
  return csvRow([
    event.createdAt,
    event.action,
    event.actor.type,
    event.actor.id,
    event.actor.label,
    event.actor.email,
    event.target?.type,
    event.target?.id,
    event.target?.label,
    event.ip,
    event.userAgent,
    event.metadata === null ? null : JSON.stringify(event.metadata),
  ]);
}

/** The header, then one line per event, pulled page by page as the client reads. */
export function auditCsvStream(pages: AsyncIterator<AuditEventView[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let headerSent = false;
  return new ReadableStream({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvRow(AUDIT_CSV_COLUMNS)));
        return;
      }
      // A pull must enqueue or close, or the stream stalls: skip empty pages.
      for (;;) {
        const next = await pages.next();
        if (next.done) {
          controller.close();
          return;
        }
        if (next.value.length) {
          controller.enqueue(encoder.encode(next.value.map(auditCsvRow).join("")));
          return;
        }
      }
    },
    async cancel() {
      await pages.return?.();
    },
  });
}

/** `keysmith-audit-acme-2025-01-31.csv`: safe in a Content-Disposition header. */
export function auditCsvFilename(workspaceSlug: string, now: Date): string {
  const slug = workspaceSlug.replace(/[^a-z0-9-]/gi, "") || "workspace";
  return `keysmith-audit-${slug}-${now.toISOString().slice(0, 10)}.csv`;
}
