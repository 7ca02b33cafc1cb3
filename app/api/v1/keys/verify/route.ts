import { parseJsonBody } from "@/lib/api/request";
import { verifyKeySchema } from "@/lib/api/schemas/keys";
import { requestMeta, withErrors } from "@/lib/auth/with-auth";
import { verifyKey } from "@/lib/verify/verify";

// No credential: the key under test is the credential. server.ts serves the fast path
// in front of this handler; this one answers when Next is reached directly.
export const POST = withErrors(async (req, runtime) => {
  const input = await parseJsonBody(req, verifyKeySchema);
  const result = await verifyKey(input, {
    db: runtime.database.db,
    usage: runtime.usage,
    now: runtime.now(),
    userAgent: requestMeta(req).userAgent,
  });
  return Response.json(result);
});
