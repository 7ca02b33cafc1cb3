/**
 * The change bus: every change that affects what a key may do is announced here once its
 * transaction commits. The key cache and the key index listen; with several instances the
 * PostgreSQL relay (postgres-relay.ts) forwards local changes to the other instances and
 * brings theirs in as "remote" ones, which it does not forward again. Kept on globalThis so
 * that Next's bundled route handlers and server.ts share one bus.
 */
export type Change =
  /** A key's settings, state or secret changed (edit, rotate, revoke). */
  | { type: "key"; keyId: string }
  /**
   * A key was created. `hashPrefix` is the first 13 hex digits (52 bits) of its SHA-256:
   * enough for every instance to know the key exists, not enough to look it up.
   */
  | {
      type: "key-created";
      keyId: string;
      hashPrefix: string;
      /** For an imported key, its workspace: keys in other formats may now be looked up there. */
      importedInto?: string;
    }
  /** A user's memberships or role changed: every key they created is affected. */
  | { type: "user"; userId: string }
  /** A workspace's settings changed: every key acting in it is affected. */
  | { type: "workspace"; workspaceId: string }
  /** An audit event committed: the event stream (lib/stream) sends it to the workspace's clients. */
  | { type: "audit"; eventId: string; workspaceId: string }
  /** Anything may have changed (the relay lost its connection). */
  | { type: "all" };

export type ChangeOrigin = "local" | "remote";
type Listener = (change: Change, origin: ChangeOrigin) => void;
const BUS = Symbol.for("keysmith.changes");
type Holder = typeof globalThis & { [BUS]?: Set<Listener> };

function listeners(): Set<Listener> {
  const holder = globalThis as Holder;
  holder[BUS] ??= new Set();
  return holder[BUS];
}

export function onChange(listener: Listener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

/** A change made by this instance. */
export function publishChange(...changes: Change[]): void {
  for (const change of changes) for (const listener of listeners()) listener(change, "local");
}

/** A change announced by another instance (or, from a relay that lost its connection, "all"). */
export function applyRemoteChange(change: Change): void {
  for (const listener of listeners()) listener(change, "remote");
}

/** The announcement of committed audit events (those of no workspace have no one to tell). */
export function auditRecorded(...events: { id: string; workspaceId: string | null }[]): Change[] {
  return events.flatMap((event) =>
    event.workspaceId ? [{ type: "audit" as const, eventId: event.id, workspaceId: event.workspaceId }] : [],
  );
}
