import { otherMethods } from "@/lib/api/other-methods";
import { withAuth } from "@/lib/auth/with-auth";
import { redeliver } from "@/lib/webhooks/service";

type Params = { id: string; delivery: string };

export const POST = withAuth<Params>({ scope: "workspace.write" }, async ({ db, runtime, principal, params, now }) => {
  const delivery = await redeliver(db, principal.workspace.id, params.id, params.delivery, now);
  runtime.webhooks.wake();
  return Response.json(delivery, { status: 202 });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);
