import { otherMethods } from "@/lib/api/other-methods";
import { withAuth } from "@/lib/auth/with-auth";
import { toMemberView } from "@/lib/members/serialize";
import { listMembers } from "@/lib/members/service";

export const GET = withAuth({ scope: "members.read" }, async ({ db, principal }) =>
  Response.json({ data: (await listMembers(db, principal.workspace.id)).map(toMemberView) }),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
