import { otherMethods } from "@/lib/api/other-methods";
import { parseJsonText, readBodyText } from "@/lib/api/request";
import { verifierUsageSchema } from "@/lib/api/schemas/verify-snapshot";
import { withAuth } from "@/lib/auth/with-auth";
import { VERIFIER_SCOPE } from "@/lib/verify/handle";
import { recordVerifierUsage } from "@/lib/verify/snapshot-usage";

/** A full batch (100 keys with 400-character user agents) fits; the usual 64 KiB would not. */
const MAX_BODY_BYTES = 128 * 1024;

// Usage counted by an in-process verifier, added to the server's counters.
export const POST = withAuth({ scope: VERIFIER_SCOPE }, async ({ req, db, runtime, principal, now }) => {
  const text = await readBodyText(req, MAX_BODY_BYTES);
  const input = parseJsonText(text, req.headers.get("content-type"), verifierUsageSchema);
  const result = await recordVerifierUsage(db, runtime.usage, principal.workspace.id, input, now.getTime());
  return Response.json(result);
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);
