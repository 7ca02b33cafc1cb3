import { withAuth } from "@/lib/auth/with-auth";
import { toKeyView } from "@/lib/keys/serialize";
import { getKey, revokeKey } from "@/lib/keys/service";

type Params = { id: string };

export const GET = withAuth<Params>({ scope: "keys.read" }, async ({ db, principal, params, now }) =>
  Response.json(toKeyView(await getKey(db, principal.workspace.id, params.id), now)),
);

export const DELETE = withAuth<Params>({ scope: "keys.write" }, async ({ db, principal, params, meta, now }) =>
  Response.json(toKeyView(await revokeKey(db, principal, params.id, meta, now), now)),
);
