import { otherMethods } from "@/lib/api/other-methods";
import { parseJsonBody } from "@/lib/api/request";
import { cliLoginDecisionSchema, denyCliLoginSchema } from "@/lib/api/schemas/cli-login";
import { withUser } from "@/lib/auth/with-auth";
import { denyCliLogin } from "@/lib/cli-login/service";

// Signed-in users only, from the /cli/authorize page: the CLI's next poll learns it was denied.
export const POST = withUser(async ({ req, db, user, meta, now }) => {
  const { code } = await parseJsonBody(req, denyCliLoginSchema);
  await denyCliLogin(db, user.id, code, meta, now);
  return Response.json(cliLoginDecisionSchema.parse({ status: "denied" }));
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);
