import { otherMethods } from "@/lib/api/other-methods";
import { joinedWorkspaceSchema } from "@/lib/api/schemas/workspaces";
import { withUser } from "@/lib/auth/with-auth";
import { acceptInvitation } from "@/lib/members/service";

export const POST = withUser<{ id: string }>(async ({ db, user, meta, params, now }) => {
  const joined = await acceptInvitation(db, user, params.id, meta, now);
  return Response.json(joinedWorkspaceSchema.parse(joined));
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);
