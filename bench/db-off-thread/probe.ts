import { createServer } from "node:http";
import { constants, monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";

/**
 * Loaded into the server under test with `node --import tsx --import ./bench/db-off-thread/probe.ts
 * server.ts` (not part of the product): the event-loop delay of the server's own main
 * thread, its garbage-collection pauses and its memory, served on PROBE_PORT. GET /reset
 * starts a new measurement window.
 */
const histogram = monitorEventLoopDelay({ resolution: 1 });
histogram.enable();
let gc = { count: 0, totalMs: 0, maxMs: 0, majorMaxMs: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gc.count++;
    gc.totalMs += entry.duration;
    gc.maxMs = Math.max(gc.maxMs, entry.duration);
    const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
    if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) gc.majorMaxMs = Math.max(gc.majorMaxMs, entry.duration);
  }
}).observe({ entryTypes: ["gc"] });

createServer((req, res) => {
  if (req.url === "/reset") {
    histogram.reset();
    gc = { count: 0, totalMs: 0, maxMs: 0, majorMaxMs: 0 };
  }
  const memory = process.memoryUsage();
  res.setHeader("content-type", "application/json");
  res.end(
    JSON.stringify({
      p50: histogram.percentile(50) / 1e6,
      p99: histogram.percentile(99) / 1e6,
      max: histogram.max / 1e6,
      gc,
      rss: memory.rss,
      heapUsed: memory.heapUsed,
    }),
  );
})
  .listen(Number(process.env.PROBE_PORT), "127.0.0.1")
  .unref();
