import { otherMethods } from "@/lib/api/other-methods";
import { withAuth } from "@/lib/auth/with-auth";
import { memberListView } from "@/lib/members/views";

export const GET = withAuth({ scope: "members.read" }, async ({ db, principal }) =>
  Response.json(await memberListView(db, principal.workspace.id)),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
