import { otherMethods } from "@/lib/api/other-methods";
import { parseQuery } from "@/lib/api/request";
import { listAuditQuerySchema } from "@/lib/api/schemas/audit";
import { auditListView } from "@/lib/audit/query";
import { withAuth } from "@/lib/auth/with-auth";

export const GET = withAuth({ scope: "audit.read" }, async ({ req, db, principal }) => {
  return Response.json(await auditListView(db, principal.workspace.id, parseQuery(req.url, listAuditQuerySchema)));
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
