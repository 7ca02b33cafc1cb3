import { otherMethods } from "@/lib/api/other-methods";
import { parseQuery } from "@/lib/api/request";
import { withAuth } from "@/lib/auth/with-auth";
import { usageQuerySchema } from "@/lib/keys/usage-report";
import { keyUsageView } from "@/lib/keys/views";

export const GET = withAuth<{ id: string }>({ scope: "keys.read" }, async ({ req, db, principal, params, now }) => {
  const { range } = parseQuery(req.url, usageQuerySchema);
  return Response.json(await keyUsageView(db, principal.workspace, params.id, range, now));
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
