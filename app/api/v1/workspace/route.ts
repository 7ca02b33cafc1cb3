import { otherMethods } from "@/lib/api/other-methods";
import { parseJsonBody } from "@/lib/api/request";
import { updateWorkspaceSchema, workspaceSchema } from "@/lib/api/schemas/workspaces";
import { withAuth } from "@/lib/auth/with-auth";
import { updateWorkspace } from "@/lib/workspaces/service";

export const GET = withAuth({ scope: "workspace.read" }, async ({ principal }) =>
  Response.json(workspaceSchema.parse(principal.workspace)),
);

export const PATCH = withAuth({ scope: "workspace.write" }, async ({ req, db, principal, meta, now }) => {
  const input = await parseJsonBody(req, updateWorkspaceSchema);
  return Response.json(workspaceSchema.parse(await updateWorkspace(db, principal, input, meta, now)));
});

export const { POST, PUT, DELETE } = otherMethods(["GET", "PATCH"]);
