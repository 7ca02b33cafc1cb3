import { otherMethods } from "@/lib/api/other-methods";
import { parseQuery } from "@/lib/api/request";
import { auditListSchema, listAuditQuerySchema } from "@/lib/api/schemas/audit";
import { listAudit, toAuditEventViews } from "@/lib/audit/query";
import { withAuth } from "@/lib/auth/with-auth";

export const GET = withAuth({ scope: "audit.read" }, async ({ req, db, principal }) => {
  const page = await listAudit(db, principal.workspace.id, parseQuery(req.url, listAuditQuerySchema));
  return Response.json(
    auditListSchema.parse({ data: await toAuditEventViews(db, page.rows), nextCursor: page.nextCursor }),
  );
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
