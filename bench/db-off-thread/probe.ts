import { createServer } from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";

/**
 * Loaded into the server under test with `node --import tsx --import ./bench/db-off-thread/probe.ts
 * server.ts` (not part of the product): the event-loop delay of the server's own main
 * thread, and its memory, served on PROBE_PORT. GET /reset starts a new measurement window.
 */
const histogram = monitorEventLoopDelay({ resolution: 1 });
histogram.enable();

createServer((req, res) => {
  if (req.url === "/reset") histogram.reset();
  const memory = process.memoryUsage();
  res.setHeader("content-type", "application/json");
  res.end(
    JSON.stringify({
      p50: histogram.percentile(50) / 1e6,
      p99: histogram.percentile(99) / 1e6,
      max: histogram.max / 1e6,
      rss: memory.rss,
      heapUsed: memory.heapUsed,
    }),
  );
})
  .listen(Number(process.env.PROBE_PORT), "127.0.0.1")
  .unref();
