"use client";

import { Info } from "lucide-react";
import { useState, useSyncExternalStore } from "react";
import type { KeyAction } from "@/components/keys/key-row-actions";
import { actorName } from "@/lib/client/live/describe";
import type { RemoteKeyChange } from "./key-change-store";
import { useLive } from "./live-provider";

const noSubscription = () => () => {};

/** Another admin's latest change to this key since the calling dialog opened, if any. */
export function useRemoteKeyChange(keyId: string): RemoteKeyChange | null {
  const store = useLive()?.keyChanges;
  const [openedAt] = useState(() => Date.now());
  const change = useSyncExternalStore(
    store?.subscribe ?? noSubscription,
    () => store?.get(keyId),
    () => undefined,
  );
  return change && change.heardAt >= openedAt ? change : null;
}

/** Whether the change leaves nothing for `action` to do (the key was revoked, or rotated under a rotation). */
export function remoteChangeBlocks(change: RemoteKeyChange | null, action: KeyAction): boolean {
  if (!change) return false;
  return change.event.event === "key.revoked" || (change.event.event === "key.rotated" && action === "rotate");
}

function message(change: RemoteKeyChange, action: KeyAction): string {
  const who = actorName(change.event.data.actor);
  const changed = change.event.data.metadata?.changed;
  switch (change.event.event) {
    case "key.revoked":
      return `${who} revoked this key just now: it no longer works, and there is nothing left to ${action}.`;
    case "key.rotated":
      return action === "rotate"
        ? `${who} rotated this key just now: a new key already replaces it.`
        : `${who} rotated this key just now; a new key replaces it. You can still ${action} this old one.`;
    case "key.expired":
      return "This key expired just now.";
    default:
      return `${who} changed this key while you had it open${
        Array.isArray(changed) && changed.length ? ` (${changed.join(", ")})` : ""
      }.${action === "edit" ? " Saving sends only the fields you changed." : ""}`;
  }
}

/** Says, at the top of an open dialog, that someone else just changed its key. Takes no focus: the user may be typing. */
export function RemoteKeyChangeNotice({ change, action }: { change: RemoteKeyChange | null; action: KeyAction }) {
  if (!change) return null;
  return (
    <p
      data-testid="remote-key-change"
      className="flex gap-2 rounded-lg border border-amber-600/30 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/50 dark:text-amber-200"
    >
      <Info aria-hidden className="mt-0.5 h-4 w-4 shrink-0" />
      {message(change, action)}
    </p>
  );
}

/**
 * The same words for screen readers, from a live region that is there before they change
 * (a region that appears with its text is often not read). Place it last in the dialog.
 */
export function RemoteKeyChangeAnnouncer({ change, action }: { change: RemoteKeyChange | null; action: KeyAction }) {
  return (
    <div role="status" className="sr-only">
      {change ? message(change, action) : ""}
    </div>
  );
}
