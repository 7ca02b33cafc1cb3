import { otherMethods } from "@/lib/api/other-methods";
import { withAuth } from "@/lib/auth/with-auth";
import { rotateWebhookSecret } from "@/lib/webhooks/service";

type Params = { id: string };

export const POST = withAuth<Params>({ scope: "workspace.write" }, async ({ db, principal, params, meta, now }) =>
  Response.json(await rotateWebhookSecret(db, principal, params.id, meta, now)),
);

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);
