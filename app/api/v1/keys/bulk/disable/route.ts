import { otherMethods } from "@/lib/api/other-methods";
import { parseJsonBody } from "@/lib/api/request";
import { bulkKeysSchema } from "@/lib/api/schemas/hygiene";
import { withAuth } from "@/lib/auth/with-auth";
import { bulkDisable } from "@/lib/keys/bulk";

export const POST = withAuth({ scope: "keys.write" }, async ({ req, db, principal, meta, now }) => {
  const { ids } = await parseJsonBody(req, bulkKeysSchema);
  return Response.json(await bulkDisable(db, principal, ids, meta, now));
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);
