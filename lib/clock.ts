import { NATIVE_DATE } from "./boot/native-clock";

/** The clock every request reads: the platform's Date, not Next.js's wrapper (see native-clock.ts). */
const NativeDate = (globalThis as typeof globalThis & { [NATIVE_DATE]?: DateConstructor })[NATIVE_DATE] ?? Date;

export function systemNow(): Date {
  return new NativeDate();
}
