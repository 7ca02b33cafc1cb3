import {
  type WorkspaceSettingsView,
  type WorkspaceView,
  workspaceSchema,
  workspaceSettingsSchema,
} from "../api/schemas/workspaces";
import type { WorkspaceRef } from "./lookup";
import type { WorkspacePolicies } from "./policies";

/** A workspace as the API shows it (its organization as organizationId). */
export function toWorkspaceView(workspace: WorkspaceRef): WorkspaceView {
  const { orgId, ...rest } = workspace;
  return workspaceSchema.parse({ ...rest, organizationId: orgId });
}

/** A workspace with its hygiene policies (GET and PATCH /api/v1/workspace, the settings page). */
export function toWorkspaceSettingsView(workspace: WorkspaceRef, policies: WorkspacePolicies): WorkspaceSettingsView {
  const { orgId, ...rest } = workspace;
  return workspaceSettingsSchema.parse({
    ...rest,
    maxKeyLifetimeDays: policies.maxKeyLifetimeDays,
    disableUnusedKeysAfterDays: policies.disableUnusedKeysAfterDays,
    organizationId: orgId,
  });
}
