import { otherMethods } from "@/lib/api/other-methods";
import { parseQuery } from "@/lib/api/request";
import { listDeliveriesQuerySchema } from "@/lib/api/schemas/webhooks";
import { withAuth } from "@/lib/auth/with-auth";
import { listDeliveries } from "@/lib/webhooks/service";

type Params = { id: string };

export const GET = withAuth<Params>({ scope: "workspace.write" }, async ({ req, db, principal, params }) =>
  Response.json(
    await listDeliveries(db, principal.workspace.id, params.id, parseQuery(req.url, listDeliveriesQuerySchema)),
  ),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
