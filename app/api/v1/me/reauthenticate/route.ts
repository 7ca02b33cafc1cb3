import { otherMethods } from "@/lib/api/other-methods";
import { parseJsonBody } from "@/lib/api/request";
import { reauthenticateSchema } from "@/lib/api/schemas/me";
import { reauthenticate } from "@/lib/auth/reauthenticate";
import { withUser } from "@/lib/auth/with-auth";
import { getRuntime } from "@/lib/runtime";

// Signed-in users only: an API key has no sign-in to refresh.
export const POST = withUser(async ({ req, db, user, sessionId, meta, now }) => {
  const input = await parseJsonBody(req, reauthenticateSchema);
  const { auth } = await getRuntime();
  const at = await reauthenticate(db, auth, { sessionId, user, headers: req.headers, meta }, input, now);
  return Response.json({ reauthenticatedAt: at.toISOString() });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);
