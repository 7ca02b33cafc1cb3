import { queryOptions } from "@tanstack/react-query";
import type { WorkspaceView } from "../../api/schemas/workspaces";
import { apiFetch } from "../api";

/** The workspace's own settings (name, key prefix, key minting, custom scopes). */
export function workspaceQuery(workspace: string) {
  return queryOptions({
    queryKey: ["workspace", workspace] as const,
    queryFn: () => apiFetch<WorkspaceView>("/api/v1/workspace", { workspace }),
  });
}
