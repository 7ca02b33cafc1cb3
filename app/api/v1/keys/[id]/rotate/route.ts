import { otherMethods } from "@/lib/api/other-methods";
import { parseJsonBody } from "@/lib/api/request";
import { rotatedKeySchema, rotateKeySchema } from "@/lib/api/schemas/keys";
import { withAuth } from "@/lib/auth/with-auth";
import { toCreatedKeyView, toKeyView } from "@/lib/keys/serialize";
import { rotateKey } from "@/lib/keys/service";

export const POST = withAuth<{ id: string }>({}, async ({ req, db, principal, params, meta, now }) => {
  const { gracePeriod, expiry } = await parseJsonBody(req, rotateKeySchema);
  const rotated = await rotateKey(db, principal, params.id, { graceSeconds: gracePeriod, expiry }, meta, now);
  const body = rotatedKeySchema.parse({
    ...toCreatedKeyView(rotated.row, rotated.secret, now),
    previous: toKeyView(rotated.previous, now),
  });
  return Response.json(body, { status: 201, headers: { "cache-control": "no-store" } });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);
