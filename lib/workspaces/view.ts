import { type WorkspaceView, workspaceSchema } from "../api/schemas/workspaces";
import type { WorkspaceRef } from "./lookup";

/** A workspace as the API shows it (its organization as organizationId). */
export function toWorkspaceView(workspace: WorkspaceRef): WorkspaceView {
  const { orgId, ...rest } = workspace;
  return workspaceSchema.parse({ ...rest, organizationId: orgId });
}
