import type { Invalidation } from "./key-cache";

/**
 * Changes that affect verification are announced here after their transaction commits;
 * the key cache (and, with several instances, the cross-instance relay) listens. Kept on
 * globalThis so that Next's bundled route handlers and server.ts share one hub.
 */
type Listener = (event: Invalidation) => void;
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

export function publishInvalidation(...events: Invalidation[]): void {
  for (const event of events) for (const listener of listeners()) listener(event);
}
