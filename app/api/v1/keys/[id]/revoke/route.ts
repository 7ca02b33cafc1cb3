import { otherMethods } from "@/lib/api/other-methods";
import { withAuth } from "@/lib/auth/with-auth";
import { toKeyView } from "@/lib/keys/serialize";
import { revokeKey } from "@/lib/keys/service";

// The same as DELETE /api/v1/keys/{id}, for clients that cannot send DELETE.
export const POST = withAuth<{ id: string }>({}, async ({ db, principal, params, meta, now }) =>
  Response.json(toKeyView(await revokeKey(db, principal, params.id, meta, now), now)),
);

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);
