import { ApiError } from "@/lib/api/errors";
import { otherMethods } from "@/lib/api/other-methods";
import { MAX_JSON_BODY_BYTES, parseJsonText, readBodyText } from "@/lib/api/request";
import { issuePersonalKeySchema } from "@/lib/api/schemas/me";
import { withAuth } from "@/lib/auth/with-auth";
import { config } from "@/lib/config";
import { getPersonalKey, issuePersonalKey, revokePersonalKey } from "@/lib/keys/personal";
import { toCreatedKeyView, toKeyView } from "@/lib/keys/serialize";

/** The caller's personal key (metadata only), or null when they have none. */
export const GET = withAuth({}, async ({ db, principal, now }) => {
  const key = await getPersonalKey(db, principal.userId);
  return Response.json({ key: key ? toKeyView(key, now) : null });
});

/**
 * Creates the personal key, or rotates it: the new secret is in this response only.
 * `{first: true}` (the dashboard, right after sign-up or sign-in) issues only the account's first one.
 */
export const POST = withAuth({}, async ({ req, db, principal, meta, now }) => {
  // The body is optional (no grace period without one), whether or not Content-Length announced it.
  const text = await readBodyText(req, MAX_JSON_BODY_BYTES);
  const { gracePeriod, expiry, first } =
    text.trim() === ""
      ? issuePersonalKeySchema.parse({})
      : parseJsonText(text, req.headers.get("content-type"), issuePersonalKeySchema);
  if (first && !config().KEYSMITH_PERSONAL_KEY_AT_SIGNUP) {
    throw new ApiError(
      "FORBIDDEN",
      "This instance issues no personal key at sign-up (KEYSMITH_PERSONAL_KEY_AT_SIGNUP=off)",
    );
  }
  const issued = await issuePersonalKey(db, principal, { graceSeconds: gracePeriod, expiry, first }, meta, now);
  return Response.json(
    {
      ...toCreatedKeyView(issued.row, issued.secret, now),
      previous: issued.previous ? toKeyView(issued.previous, now) : null,
    },
    { status: 201, headers: { "cache-control": "no-store" } },
  );
});

/** Revokes the personal key at once: it stops verifying on every instance; POST creates a new one. */
export const DELETE = withAuth({}, async ({ db, principal, meta, now }) => {
  const revoked = await revokePersonalKey(db, principal, meta, now);
  return Response.json({ key: toKeyView(revoked, now) });
});

export const { PUT, PATCH } = otherMethods(["GET", "POST", "DELETE"]);
