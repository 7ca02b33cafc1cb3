import { queryOptions } from "@tanstack/react-query";
import type { WorkspaceSettingsView } from "../../api/schemas/workspaces";
import { apiFetch } from "../api";

/** The workspace's own settings (name, key prefix, key minting, custom scopes, hygiene policies). */
export function workspaceQuery(workspace: string) {
  return queryOptions({
    queryKey: ["workspace", workspace] as const,
    queryFn: () => apiFetch<WorkspaceSettingsView>("/api/v1/workspace", { workspace }),
  });
}
