import { keyIdOf, type LiveEvent } from "@/lib/client/live/protocol";

export interface RemoteKeyChange {
  event: LiveEvent;
  /** When this tab heard of it (Date.now()), to tell changes made while a dialog was open. */
  heardAt: number;
}

/**
 * The latest change another admin made to each key, for the dialogs open on that key: one
 * that gets revoked or rotated under the user says so, rather than vanish or fail on submit.
 */
export class KeyChangeStore {
  private readonly changes = new Map<string, RemoteKeyChange>();
  private readonly listeners = new Set<() => void>();

  record(event: LiveEvent): void {
    const keyId = keyIdOf(event);
    // A rotation's new key is announced through the old one's key.rotated.
    // A warning before expiry changes nothing about the key.
    if (!keyId || !event.event.startsWith("key.") || event.event === "key.expiring" || event.data.metadata?.replaces)
      return;
    this.changes.set(keyId, { event, heardAt: Date.now() });
    for (const listener of this.listeners) listener();
  }

  get = (keyId: string): RemoteKeyChange | undefined => this.changes.get(keyId);

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}
