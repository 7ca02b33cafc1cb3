import { otherMethods } from "@/lib/api/other-methods";
import { parseJsonBody } from "@/lib/api/request";
import { changeRoleSchema } from "@/lib/api/schemas/members";
import { withAuth } from "@/lib/auth/with-auth";
import { toMemberView } from "@/lib/members/serialize";
import { changeRole, removeMember } from "@/lib/members/service";

type Params = { id: string };

export const PATCH = withAuth<Params>({ scope: "members.write" }, async ({ req, db, principal, params, meta }) => {
  const input = await parseJsonBody(req, changeRoleSchema);
  return Response.json(toMemberView(await changeRole(db, principal, params.id, input, meta)));
});

// members.write removes others; anyone may remove themselves (leave the workspace).
export const DELETE = withAuth<Params>({}, async ({ db, principal, params, meta }) => {
  await removeMember(db, principal, params.id, meta);
  return new Response(null, { status: 204 });
});

export const { GET, POST, PUT } = otherMethods(["PATCH", "DELETE"]);
