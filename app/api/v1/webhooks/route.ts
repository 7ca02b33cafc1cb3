import { otherMethods } from "@/lib/api/other-methods";
import { parseJsonBody } from "@/lib/api/request";
import { createWebhookSchema } from "@/lib/api/schemas/webhooks";
import { withAuth } from "@/lib/auth/with-auth";
import { config } from "@/lib/config";
import { createWebhook, listWebhooks } from "@/lib/webhooks/service";

export const GET = withAuth({ scope: "workspace.write" }, async ({ db, principal }) =>
  Response.json({ data: await listWebhooks(db, principal.workspace.id) }),
);

export const POST = withAuth({ scope: "workspace.write" }, async ({ req, db, principal, meta }) => {
  const input = await parseJsonBody(req, createWebhookSchema);
  const created = await createWebhook(db, principal, input, meta, config().KEYSMITH_WEBHOOK_ALLOW_PRIVATE);
  return Response.json(created, { status: 201 });
});

export const { PUT, PATCH, DELETE } = otherMethods(["GET", "POST"]);
