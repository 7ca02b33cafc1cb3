import { otherMethods } from "@/lib/api/other-methods";
import { withAuth } from "@/lib/auth/with-auth";
import { sendTestEvent } from "@/lib/webhooks/service";

type Params = { id: string };

export const POST = withAuth<Params>({ scope: "workspace.write" }, async ({ db, runtime, principal, params, now }) => {
  const delivery = await sendTestEvent(db, principal, params.id, now);
  runtime.webhooks.wake();
  return Response.json(delivery, { status: 202 });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);
