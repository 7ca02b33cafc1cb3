import { describe, expect, it } from "vitest";
import { RESOLUTION_MS, readEventLoopDelay, startEventLoopMonitor } from "./event-loop";
import { nodeGaugeLines } from "./node-gauges";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function blockFor(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // busy: the loop cannot tick
  }
}

describe("event-loop delay", () => {
  it("is one histogram per process", () => {
    expect(startEventLoopMonitor()).toBe(startEventLoopMonitor());
  });

  it("reports a blocked loop, then only the interval since the previous read", async () => {
    readEventLoopDelay();
    await sleep(20);
    blockFor(80);
    await sleep(20);
    const blocked = readEventLoopDelay();
    expect(blocked.max).toBeGreaterThanOrEqual(0.08);
    expect(blocked.min).toBeGreaterThan(0);
    expect(blocked.min).toBeLessThanOrEqual(blocked.p50);
    expect(blocked.p50).toBeLessThanOrEqual(blocked.p90);
    expect(blocked.p90).toBeLessThanOrEqual(blocked.p99);
    expect(blocked.p99).toBeLessThanOrEqual(blocked.max);

    // The read reset the histogram: the block is no longer in it.
    await sleep(50);
    const after = readEventLoopDelay();
    expect(after.max).toBeGreaterThan(0);
    expect(after.max).toBeLessThan(0.08);
    expect(after.p50).toBeGreaterThanOrEqual((RESOLUTION_MS / 1000) * 0.5);
  });

  it("reads zeros, not NaN, when nothing was sampled since the previous read", () => {
    readEventLoopDelay();
    const empty = readEventLoopDelay();
    for (const value of Object.values(empty)) expect(Number.isFinite(value)).toBe(true);
  });
});

describe("node gauges", () => {
  it("renders prom-client's names with HELP and TYPE lines", () => {
    const text = nodeGaugeLines().join("\n");
    for (const name of [
      "nodejs_eventloop_lag_min_seconds",
      "nodejs_eventloop_lag_max_seconds",
      "nodejs_eventloop_lag_mean_seconds",
      "nodejs_eventloop_lag_p50_seconds",
      "nodejs_eventloop_lag_p90_seconds",
      "nodejs_eventloop_lag_p99_seconds",
      "process_resident_memory_bytes",
      "nodejs_heap_size_used_bytes",
    ]) {
      expect(text).toContain(`# TYPE ${name} gauge`);
      expect(text).toMatch(new RegExp(`^${name} [0-9.e+-]+$`, "m"));
    }
  });
});
