/** Set by lib/boot/preload.ts; server.ts reads it (importing the preload itself would run it too late). */
export const PRELOADED = Symbol.for("keysmith.preloaded");

export function wasPreloaded(): boolean {
  return (globalThis as typeof globalThis & { [PRELOADED]?: boolean })[PRELOADED] === true;
}
