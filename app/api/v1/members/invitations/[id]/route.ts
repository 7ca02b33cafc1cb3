import { otherMethods } from "@/lib/api/other-methods";
import { withAuth } from "@/lib/auth/with-auth";
import { cancelInvitation } from "@/lib/members/service";

export const DELETE = withAuth<{ id: string }>({ scope: "members.write" }, async ({ db, principal, params, meta }) => {
  await cancelInvitation(db, principal, params.id, meta);
  return new Response(null, { status: 204 });
});

export const { GET, POST, PUT, PATCH } = otherMethods(["DELETE"]);
