import { otherMethods } from "@/lib/api/other-methods";
import { MAX_JSON_BODY_BYTES, parseJsonText, readBodyText } from "@/lib/api/request";
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
  // The body is optional (no grace period without one), whether or not Content-Length announced it.
  const text = await readBodyText(req, MAX_JSON_BODY_BYTES);
  const { gracePeriod, expiry } =
    text.trim() === ""
      ? rotateKeySchema.parse({})
      : parseJsonText(text, req.headers.get("content-type"), rotateKeySchema);
  const issued = await issuePersonalKey(db, principal, { graceSeconds: gracePeriod, expiry }, meta, now);
  return Response.json(
    {
      ...toCreatedKeyView(issued.row, issued.secret, now),
      previous: issued.previous ? toKeyView(issued.previous, now) : null,
    },
    { status: 201, headers: { "cache-control": "no-store" } },
  );
});

export const { PUT, PATCH, DELETE } = otherMethods(["GET", "POST"]);
