import { otherMethods } from "@/lib/api/other-methods";
import { parseJsonBody } from "@/lib/api/request";
import { cliLoginStartedSchema, startCliLoginSchema } from "@/lib/api/schemas/cli-login";
import { requestMeta, withErrors } from "@/lib/auth/with-auth";
import { assertLoginRequestAllowed } from "@/lib/cli-login/limit";
import { POLL_INTERVAL_SECONDS, startCliLogin } from "@/lib/cli-login/service";
import { config, publicBaseUrl } from "@/lib/config";

// No credential: this is how the CLI gets one. Limited per address.
export const POST = withErrors(async (req, runtime) => {
  const meta = requestMeta(req);
  const now = runtime.now();
  if (config().KEYSMITH_AUTH_RATE_LIMIT) assertLoginRequestAllowed(meta.ip, now);
  const { deviceName } = await parseJsonBody(req, startCliLoginSchema);
  const { code, pollToken, expiresAt } = await startCliLogin(runtime.database.db, deviceName, meta, now);
  const verificationUrl = new URL("/cli/authorize", publicBaseUrl());
  verificationUrl.searchParams.set("code", code);
  const body = cliLoginStartedSchema.parse({
    code,
    pollToken,
    verificationUrl: verificationUrl.href,
    expiresAt: expiresAt.toISOString(),
    interval: POLL_INTERVAL_SECONDS,
  });
  return Response.json(body, { status: 201, headers: { "cache-control": "no-store" } });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);
