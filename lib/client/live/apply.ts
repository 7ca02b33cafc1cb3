import type { QueryClient } from "@tanstack/react-query";
import { auditKeys } from "../queries/audit";
import { asRevoked, keyKeys, patchKey } from "../queries/keys";
import { memberKeys } from "../queries/members";
import { webhookKeys } from "../queries/webhooks";
import { workspaceQuery } from "../queries/workspace";
import { keyIdOf, type LiveEvent } from "./protocol";

/**
 * Brings the cached views up to date with one event. What the event says for certain is
 * shown at once (a revoked key turns revoked, a renamed key takes its new name); then the
 * queries that may show the change refetch in place (rows are keyed by id, so nothing the
 * user is in re-mounts). Only queries on screen refetch; the others are marked stale.
 */
export function applyLiveEvent(client: QueryClient, workspace: string, event: LiveEvent): Promise<unknown> {
  // Any event may have queued webhook deliveries: the delivery logs on screen show them.
  void client.invalidateQueries({ queryKey: webhookKeys.all(workspace) });
  const audit = client.invalidateQueries({ queryKey: auditKeys.all(workspace) });
  if (event.event.startsWith("key.")) {
    const keyId = keyIdOf(event);
    const revoked =
      event.event === "key.revoked" || (event.event === "key.leaked" && event.data.metadata?.response === "revoked");
    if (keyId && revoked) patchKey(client, workspace, keyId, asRevoked(event.at));
    const name = event.data.metadata?.name;
    if (keyId && event.event === "key.updated" && typeof name === "string") {
      patchKey(client, workspace, keyId, (key) => ({ ...key, name }));
    }
    const details = [keyId, event.data.newKeyId].flatMap((id) =>
      id ? [client.invalidateQueries({ queryKey: keyKeys.detail(workspace, id), exact: true })] : [],
    );
    return Promise.all([audit, client.invalidateQueries({ queryKey: keyKeys.lists(workspace) }), ...details]);
  }
  if (event.event.startsWith("member.")) {
    // The members page and every filter menu that lists members.
    return Promise.all([audit, client.invalidateQueries({ queryKey: memberKeys.all(workspace) })]);
  }
  if (event.event === "workspace.updated") {
    return Promise.all([audit, client.invalidateQueries({ queryKey: workspaceQuery(workspace).queryKey })]);
  }
  return audit;
}

/** Refetches everything the stream would have kept fresh: after a gap, and every poll while it is down. */
export function refreshLiveViews(client: QueryClient, workspace: string): Promise<unknown> {
  return Promise.all(
    [
      keyKeys.all(workspace),
      auditKeys.all(workspace),
      memberKeys.all(workspace),
      workspaceQuery(workspace).queryKey,
      webhookKeys.all(workspace),
    ].map((queryKey) => client.invalidateQueries({ queryKey })),
  );
}
