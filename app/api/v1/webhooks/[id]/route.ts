import { otherMethods } from "@/lib/api/other-methods";
import { parseJsonBody } from "@/lib/api/request";
import { updateWebhookSchema } from "@/lib/api/schemas/webhooks";
import { withAuth } from "@/lib/auth/with-auth";
import { config } from "@/lib/config";
import { deleteWebhook, getWebhook, updateWebhook } from "@/lib/webhooks/service";

type Params = { id: string };

export const GET = withAuth<Params>({ scope: "workspace.write" }, async ({ db, principal, params }) =>
  Response.json(await getWebhook(db, principal.workspace.id, params.id)),
);

export const PATCH = withAuth<Params>(
  { scope: "workspace.write" },
  async ({ req, db, principal, params, meta, now }) => {
    const input = await parseJsonBody(req, updateWebhookSchema);
    const allowPrivate = config().KEYSMITH_WEBHOOK_ALLOW_PRIVATE;
    return Response.json(await updateWebhook(db, principal, params.id, input, meta, now, allowPrivate));
  },
);

export const DELETE = withAuth<Params>({ scope: "workspace.write" }, async ({ db, principal, params, meta }) => {
  await deleteWebhook(db, principal, params.id, meta);
  return new Response(null, { status: 204 });
});

export const { POST, PUT } = otherMethods(["GET", "PATCH", "DELETE"]);
