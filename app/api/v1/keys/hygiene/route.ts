import { otherMethods } from "@/lib/api/other-methods";
import { parseQuery } from "@/lib/api/request";
import { hygieneQuerySchema } from "@/lib/api/schemas/hygiene";
import { withAuth } from "@/lib/auth/with-auth";
import { hygieneReport } from "@/lib/keys/hygiene";

export const GET = withAuth({ scope: "keys.read" }, async ({ req, db, principal, now }) => {
  const { finding } = parseQuery(req.url, hygieneQuerySchema);
  return Response.json(await hygieneReport(db, principal.workspace, now, finding));
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
