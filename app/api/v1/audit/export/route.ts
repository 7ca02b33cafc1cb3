import { otherMethods } from "@/lib/api/other-methods";
import { parseQuery } from "@/lib/api/request";
import { exportAuditQuerySchema } from "@/lib/api/schemas/audit";
import { auditCsvFilename, auditCsvStream } from "@/lib/audit/export";
import { allAuditEvents } from "@/lib/audit/query";
import { withAuth } from "@/lib/auth/with-auth";
import { isWellFormedId } from "@/lib/id-format";

/** Every event matching the list's filters as CSV, streamed a page at a time. */
const exportCsv = withAuth({ scope: "audit.read" }, async ({ req, db, principal, now }) => {
  const { workspace: _, ...filter } = parseQuery(req.url, exportAuditQuerySchema);
  const events = allAuditEvents(db, principal.workspace.id, filter);
  return new Response(auditCsvStream(events), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${auditCsvFilename(principal.workspace.slug, now)}"`,
      "cache-control": "no-store",
    },
  });
});

/**
 * The dashboard downloads through a plain link, which cannot send x-workspace-id, so
 * `?workspace=` stands in for the header (the header wins when both are sent).
 */
export function GET(req: Request, route: { params: Promise<Record<string, never>> }): Promise<Response> {
  const workspace = new URL(req.url).searchParams.get("workspace");
  // One that is not an id or slug is left for the query's validation to refuse (400).
  if (!workspace || !isWellFormedId(workspace) || req.headers.has("x-workspace-id")) return exportCsv(req, route);
  const headers = new Headers(req.headers);
  headers.set("x-workspace-id", workspace);
  // From the URL, not from `req`: Node 24's Request cannot copy the one Next hands us.
  return exportCsv(new Request(req.url, { method: req.method, headers, signal: req.signal }), route);
}

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
