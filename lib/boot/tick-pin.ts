import { createHook } from "node:async_hooks";

/**
 * Keeps one `process.nextTick` queue entry alive for the life of the process.
 *
 * Node builds each entry with an object literal whose keys are symbols, and V8 caches, at
 * each of those keys, the hidden class the object has there. The cache holds that class
 * weakly. In a process as large as Next's, a full GC sometimes runs while no entry is alive.
 * It then collects the classes, the cache turns megamorphic for good, and every nextTick
 * after that adds its properties in V8's runtime. Node's http and streams code calls
 * nextTick several times per request; on the verify fast path that cost 13 % of the
 * server's CPU per request (126 µs per request without this, 107–110 µs with it; perf put
 * 5.5 % of the samples in that runtime call). Two forced full GCs in the bare benchmark
 * server slowed it the same way (101 → 113 µs per request). While one entry lives, its
 * classes, and the whole chain they were built along, stay.
 *
 * It has to run before anything else, while the cache is still monomorphic: Node loads it
 * before the application (lib/boot/preload.ts).
 */
export const pinnedTickObject = captureTickObject();

/** A fresh nextTick queue entry (its callback does nothing). */
export function captureTickObject(): object | undefined {
  let captured: object | undefined;
  // An init hook is the one public way to see a queue entry: the entry is its resource.
  const hook = createHook({
    init(_asyncId, type, _triggerAsyncId, resource) {
      if (type === "TickObject" && !captured) captured = resource;
    },
  }).enable();
  try {
    process.nextTick(() => {});
  } finally {
    hook.disable();
  }
  return captured;
}
