import type { Invalidation } from "./key-cache";

/**
 * Changes that affect verification are announced here after their transaction commits;
 * the key cache listens, and with several instances the relay (invalidation-relay.ts)
 * forwards local events to the other instances and brings theirs in as "remote" ones,
 * which it does not forward again. Kept on globalThis so that Next's bundled route
 * handlers and server.ts share one hub.
 */
export type InvalidationOrigin = "local" | "remote";
type Listener = (event: Invalidation, origin: InvalidationOrigin) => void;
const HUB = Symbol.for("keysmith.invalidation");
type Holder = typeof globalThis & { [HUB]?: Set<Listener> };

function listeners(): Set<Listener> {
  const holder = globalThis as Holder;
  holder[HUB] ??= new Set();
  return holder[HUB];
}

export function onInvalidation(listener: Listener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

/** A change made by this instance. */
export function publishInvalidation(...events: Invalidation[]): void {
  for (const event of events) for (const listener of listeners()) listener(event, "local");
}

/** A change announced by another instance (or a dropped listener: everything). */
export function applyRemoteInvalidation(event: Invalidation): void {
  for (const listener of listeners()) listener(event, "remote");
}
