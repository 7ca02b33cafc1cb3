import { otherMethods } from "@/lib/api/other-methods";
import { parseJsonBody } from "@/lib/api/request";
import { updateKeySchema } from "@/lib/api/schemas/keys";
import { withAuth } from "@/lib/auth/with-auth";
import { toKeyView } from "@/lib/keys/serialize";
import { revokeKey, updateKey } from "@/lib/keys/service";
import { keyView } from "@/lib/keys/views";

type Params = { id: string };

export const GET = withAuth<Params>({ scope: "keys.read" }, async ({ db, principal, params, now }) =>
  Response.json(await keyView(db, principal.workspace, params.id, now)),
);

export const PATCH = withAuth<Params>({}, async ({ req, db, principal, params, meta, now }) => {
  const input = await parseJsonBody(req, updateKeySchema);
  return Response.json(toKeyView(await updateKey(db, principal, params.id, input, meta, now), now));
});

export const DELETE = withAuth<Params>({}, async ({ db, principal, params, meta, now }) =>
  Response.json(toKeyView(await revokeKey(db, principal, params.id, meta, now), now)),
);

export const { POST, PUT } = otherMethods(["GET", "PATCH", "DELETE"]);
