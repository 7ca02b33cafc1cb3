import { otherMethods } from "@/lib/api/other-methods";
import { parseQuery } from "@/lib/api/request";
import { snapshotQuerySchema, snapshotSchema } from "@/lib/api/schemas/verify-snapshot";
import { withAuth } from "@/lib/auth/with-auth";
import { VERIFIER_SCOPE } from "@/lib/verify/handle";
import { readSnapshot } from "@/lib/verify/snapshot";

// An in-process verifier's copy of what verification needs in its workspace (hashes, never secrets).
export const GET = withAuth({ scope: VERIFIER_SCOPE }, async ({ req, db, principal }) => {
  const query = parseQuery(req.url, snapshotQuerySchema);
  const snapshot = snapshotSchema.parse(await readSnapshot(db, principal.workspace.id, query));
  return Response.json(snapshot, { headers: { "cache-control": "no-store" } });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
