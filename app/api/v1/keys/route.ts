import { otherMethods } from "@/lib/api/other-methods";
import { parseJsonBody, parseQuery } from "@/lib/api/request";
import { createKeySchema, listKeysQuerySchema } from "@/lib/api/schemas/keys";
import { withAuth } from "@/lib/auth/with-auth";
import { toCreatedKeyView } from "@/lib/keys/serialize";
import { createKey } from "@/lib/keys/service";
import { keyListView } from "@/lib/keys/views";

export const GET = withAuth({ scope: "keys.read" }, async ({ req, db, principal, now }) => {
  const query = parseQuery(req.url, listKeysQuerySchema);
  return Response.json(await keyListView(db, principal.workspace, query, now));
});

// Any member may create keys within their own role; API keys need keys.write and key minting.
export const POST = withAuth({}, async ({ req, db, principal, meta, now }) => {
  const input = await parseJsonBody(req, createKeySchema);
  const { row, secret } = await createKey(db, principal, input, meta, now);
  return Response.json(toCreatedKeyView(row, secret, now), { status: 201, headers: { "cache-control": "no-store" } });
});

export const { PUT, PATCH, DELETE } = otherMethods(["GET", "POST"]);
