import { otherMethods } from "@/lib/api/other-methods";
import { parseJsonBody } from "@/lib/api/request";
import { createWorkspaceSchema } from "@/lib/api/schemas/workspaces";
import { withUser } from "@/lib/auth/with-auth";
import { listMemberships } from "@/lib/workspaces/lookup";
import { createWorkspace } from "@/lib/workspaces/service";
import { toWorkspaceView } from "@/lib/workspaces/view";

export const GET = withUser(async ({ db, user }) => {
  const memberships = await listMemberships(db, user.id);
  return Response.json({
    data: memberships.map((m) => ({ ...toWorkspaceView(m.workspace), role: m.role })),
  });
});

export const POST = withUser(async ({ req, db, user, meta }) => {
  const input = await parseJsonBody(req, createWorkspaceSchema);
  const workspace = await createWorkspace(db, user, input, meta);
  return Response.json(toWorkspaceView(workspace), { status: 201 });
});

export const { PUT, PATCH, DELETE } = otherMethods(["GET", "POST"]);
