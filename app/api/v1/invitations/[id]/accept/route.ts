import { otherMethods } from "@/lib/api/other-methods";
import { withUser } from "@/lib/auth/with-auth";
import { acceptInvitation } from "@/lib/members/service";

export const POST = withUser<{ id: string }>(async ({ db, user, meta, params, now }) => {
  const joined = await acceptInvitation(db, user, params.id, meta, now);
  return Response.json(joined);
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);
