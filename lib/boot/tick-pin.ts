import { createHook } from "node:async_hooks";

/**
 * Keeps one `process.nextTick` queue entry alive for the life of the process.
 *
 * Node builds each entry with an object literal whose keys are symbols, and V8 caches, at
 * each of those keys, the hidden class the object has there. The cache holds that class
 * weakly. In a process as large as Next's, a full GC sometimes runs while no entry is alive.
 * It then collects the classes, the cache turns megamorphic for good, and every nextTick
 * after that adds its properties in V8's runtime: about 5× the cost of a tick
 * (bench/README.md, Verification). Node's http and streams code calls nextTick several
 * times per request. While one entry lives, its classes, and the whole chain they were
 * built along, stay.
 *
 * The entry is held by `globalThis`, not by a module variable: bundled into the compiled
 * preload, a module variable no function refers to lives only while the module's top level
 * runs, and the first full GC took the pin with it.
 *
 * It has to run before anything else, while the cache is still monomorphic: Node loads it
 * before the application (lib/boot/preload.ts).
 */
export const TICK_PIN = Symbol.for("keysmith.tickPin");

type PinHolder = typeof globalThis & { [TICK_PIN]?: object };

/** Pins a nextTick queue entry (once per process); whether one is pinned. */
export function pinTickObject(): boolean {
  const holder = globalThis as PinHolder;
  holder[TICK_PIN] ??= captureTickObject();
  return holder[TICK_PIN] !== undefined;
}

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
