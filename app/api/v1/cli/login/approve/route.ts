import { otherMethods } from "@/lib/api/other-methods";
import { parseJsonBody } from "@/lib/api/request";
import { approveCliLoginSchema, cliLoginDecisionSchema } from "@/lib/api/schemas/cli-login";
import { withUser } from "@/lib/auth/with-auth";
import { approveCliLogin } from "@/lib/cli-login/service";

// Signed-in users only, from the /cli/authorize page: the key is created when the CLI collects it.
export const POST = withUser(async ({ req, db, user, signedInAt, meta, now }) => {
  const input = await parseJsonBody(req, approveCliLoginSchema);
  await approveCliLogin(db, { userId: user.id, signedInAt }, input, meta, now);
  return Response.json(cliLoginDecisionSchema.parse({ status: "approved" }));
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);
