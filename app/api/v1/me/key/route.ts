import { parseJsonBody } from "@/lib/api/request";
import { rotateKeySchema } from "@/lib/api/schemas/keys";
import { withAuth } from "@/lib/auth/with-auth";
import { getPersonalKey, issuePersonalKey } from "@/lib/keys/personal";
import { toCreatedKeyView, toKeyView } from "@/lib/keys/serialize";

/** The caller's personal key (metadata only), or null when they have none. */
export const GET = withAuth({}, async ({ db, principal, now }) => {
  const key = await getPersonalKey(db, principal.userId);
  return Response.json({ key: key ? toKeyView(key, now) : null });
});

/** Creates the personal key, or rotates it: the new secret is in this response only. */
export const POST = withAuth({}, async ({ req, db, principal, meta, now }) => {
  const hasBody = (req.headers.get("content-length") ?? "0") !== "0";
  const { gracePeriod } = hasBody ? await parseJsonBody(req, rotateKeySchema) : { gracePeriod: 0 };
  const issued = await issuePersonalKey(db, principal, gracePeriod, meta, now);
  return Response.json(
    {
      ...toCreatedKeyView(issued.row, issued.secret, now),
      previous: issued.previous ? toKeyView(issued.previous, now) : null,
    },
    { status: 201, headers: { "cache-control": "no-store" } },
  );
});
