import type { WorkspaceRef } from "../workspaces/lookup";

/** Whose keys a workspace's key list and key pages show: its own and its organization's. */
export type KeyOwner = Pick<WorkspaceRef, "id" | "orgId">;
