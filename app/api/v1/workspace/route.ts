import { otherMethods } from "@/lib/api/other-methods";
import { parseJsonBody } from "@/lib/api/request";
import { updateWorkspaceSchema } from "@/lib/api/schemas/workspaces";
import { withAuth } from "@/lib/auth/with-auth";
import { readPolicies } from "@/lib/workspaces/policies";
import { updateWorkspace } from "@/lib/workspaces/service";
import { toWorkspaceSettingsView } from "@/lib/workspaces/view";

export const GET = withAuth({ scope: "workspace.read" }, async ({ db, principal }) =>
  Response.json(toWorkspaceSettingsView(principal.workspace, await readPolicies(db, principal.workspace.id))),
);

export const PATCH = withAuth({ scope: "workspace.write" }, async ({ req, db, principal, meta, now }) => {
  const input = await parseJsonBody(req, updateWorkspaceSchema);
  const updated = await updateWorkspace(db, principal, input, meta, now);
  return Response.json(toWorkspaceSettingsView(updated, updated));
});

export const { POST, PUT, DELETE } = otherMethods(["GET", "PATCH"]);
