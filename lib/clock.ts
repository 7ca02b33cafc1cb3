/**
 * The platform clock, captured before Next.js loads: Next wraps the global `Date` to watch
 * prerenders, so every `new Date()` afterwards also runs two AsyncLocalStorage lookups.
 * The verifier reads the clock on every request. server.ts imports this module first.
 */
const NativeDate = globalThis.Date;

export function systemNow(): Date {
  return new NativeDate();
}
