import { monitorEventLoopDelay } from "node:perf_hooks";

/**
 * Event-loop delay, sampled by Node's own timer histogram (perf_hooks), as prom-client does.
 * Each sample is the time between two ticks of a timer set to RESOLUTION_MS, so an idle loop
 * reads about RESOLUTION_MS, and a block of B ms reads between B and B + RESOLUTION_MS.
 *
 * 5 ms, measured on the 2-core bench machine: under verify load (32 connections, 3 rounds of
 * 10 s each) the timer cost nothing measurable at 1 or 10 ms (38.6–41.5k req/s without it,
 * 40.0–41.8k at 1 ms, 39.3–43.1k at 10 ms), but an idle server paid for every tick: 1.1–1.2 %
 * of a core at 10 ms, 1.4 % at 5, 2.1–2.3 % at 2 and 3.3–3.5 % at 1 (0.8–1.3 % without it).
 * 5 ms keeps the offset small beside the verify path's p99 targets for +0.3 % of a core.
 */
export const RESOLUTION_MS = 5;

/** One histogram per process, on globalThis: Next bundles its own copy of this module. */
const MONITOR = Symbol.for("keysmith.eventLoopMonitor");
type Holder = typeof globalThis & { [MONITOR]?: ReturnType<typeof monitorEventLoopDelay> };

/** Starts the histogram once per process (lib/runtime.ts calls it at start-up); later calls return it. */
export function startEventLoopMonitor(): ReturnType<typeof monitorEventLoopDelay> {
  const holder = globalThis as Holder;
  if (!holder[MONITOR]) {
    const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
    histogram.enable();
    holder[MONITOR] = histogram;
  }
  return holder[MONITOR];
}

/** Seconds, over the interval since the previous read. */
export interface EventLoopDelay {
  min: number;
  max: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
}

/**
 * What the histogram recorded since the previous call, then resets it, as prom-client does
 * on every scrape: each scrape reports the interval since the one before.
 */
export function readEventLoopDelay(): EventLoopDelay {
  const histogram = startEventLoopMonitor();
  // No tick since the last read (two reads within one interval): min would be 2^63 and mean NaN.
  const delay =
    histogram.count === 0
      ? { min: 0, max: 0, mean: 0, p50: 0, p90: 0, p99: 0 }
      : {
          min: histogram.min / 1e9,
          max: histogram.max / 1e9,
          mean: histogram.mean / 1e9,
          p50: histogram.percentile(50) / 1e9,
          p90: histogram.percentile(90) / 1e9,
          p99: histogram.percentile(99) / 1e9,
        };
  histogram.reset();
  return delay;
}
