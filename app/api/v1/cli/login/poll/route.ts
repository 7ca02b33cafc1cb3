import { otherMethods } from "@/lib/api/other-methods";
import { parseJsonBody } from "@/lib/api/request";
import { cliLoginPollSchema, pollCliLoginSchema } from "@/lib/api/schemas/cli-login";
import { withErrors } from "@/lib/auth/with-auth";
import { pollCliLogin } from "@/lib/cli-login/service";

// The poll token is the credential. An approved request answers its key's secret once.
export const POST = withErrors(async (req, runtime) => {
  const { pollToken } = await parseJsonBody(req, pollCliLoginSchema);
  const answer = await pollCliLogin(runtime.database.db, pollToken, runtime.now());
  return Response.json(cliLoginPollSchema.parse(answer), { headers: { "cache-control": "no-store" } });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);
