import { otherMethods } from "@/lib/api/other-methods";
import { parseQuery } from "@/lib/api/request";
import { withAuth } from "@/lib/auth/with-auth";
import { getKey } from "@/lib/keys/service";
import { usageQuerySchema, usageReport } from "@/lib/keys/usage-report";

export const GET = withAuth<{ id: string }>({ scope: "keys.read" }, async ({ req, db, principal, params, now }) => {
  const { range } = parseQuery(req.url, usageQuerySchema);
  const key = await getKey(db, principal.workspace.id, params.id);
  return Response.json(await usageReport(db, key.id, range, now));
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
