import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * A leak report is answered no sooner than this after it arrived, whatever it held: revoking
 * a key, recording and announcing it take a few milliseconds that a report of unknown or
 * malformed keys does not, and the answer's timing must not say which it was.
 */
export const LEAK_ANSWER_FLOOR_MS = 250;

/** Waits out the rest of the floor from `startedAt` (a performance.now() reading). */
export async function waitOutFloor(startedAt: number, floorMs = LEAK_ANSWER_FLOOR_MS): Promise<void> {
  const left = startedAt + floorMs - performance.now();
  if (left > 0) await sleep(left);
}
