import { otherMethods } from "@/lib/api/other-methods";
import { parseJsonBody } from "@/lib/api/request";
import { updateWorkspaceSchema } from "@/lib/api/schemas/workspaces";
import { withAuth } from "@/lib/auth/with-auth";
import { updateWorkspace } from "@/lib/workspaces/service";
import { toWorkspaceView } from "@/lib/workspaces/view";

export const GET = withAuth({ scope: "workspace.read" }, async ({ principal }) =>
  Response.json(toWorkspaceView(principal.workspace)),
);

export const PATCH = withAuth({ scope: "workspace.write" }, async ({ req, db, principal, meta, now }) => {
  const input = await parseJsonBody(req, updateWorkspaceSchema);
  return Response.json(toWorkspaceView(await updateWorkspace(db, principal, input, meta, now)));
});

export const { POST, PUT, DELETE } = otherMethods(["GET", "PATCH"]);
