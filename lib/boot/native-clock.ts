/**
 * The platform's Date, captured before Next.js loads: Next wraps the global `Date` to watch
 * prerenders, so every `new Date()` afterwards also runs two AsyncLocalStorage lookups. The
 * verifier reads the clock on every request. Kept on globalThis, where lib/clock.ts (in
 * server.ts's copy and in Next's bundled one alike) finds it.
 */
export const NATIVE_DATE = Symbol.for("keysmith.nativeDate");

(globalThis as typeof globalThis & { [NATIVE_DATE]?: DateConstructor })[NATIVE_DATE] ??= globalThis.Date;
