import { otherMethods } from "@/lib/api/other-methods";
import { parseJsonText, readBodyText } from "@/lib/api/request";
import { verifierUsageSchema } from "@/lib/api/schemas/verify-snapshot";
import { withAuth } from "@/lib/auth/with-auth";
import { VERIFIER_SCOPE } from "@/lib/verify/handle";
import { recordVerifierUsage, VERIFIER_USAGE_MAX_BODY_BYTES } from "@/lib/verify/snapshot-usage";

// Usage counted by an in-process verifier, added to the server's counters.
export const POST = withAuth({ scope: VERIFIER_SCOPE }, async ({ req, db, runtime, principal, now }) => {
  const text = await readBodyText(req, VERIFIER_USAGE_MAX_BODY_BYTES);
  const input = parseJsonText(text, req.headers.get("content-type"), verifierUsageSchema);
  const result = await recordVerifierUsage(db, runtime.usage, principal.workspace.id, input, now.getTime());
  return Response.json(result);
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);
