import { RESOLUTION_MS } from "../../lib/metrics/event-loop";
import { freePort, startServer } from "../support/server";
import { expect, test } from "../support/test";

async function scrape(baseURL: string): Promise<Record<string, number>> {
  const res = await fetch(`${baseURL}/api/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/plain");
  const text = await res.text();
  const values: Record<string, number> = {};
  for (const line of text.split("\n")) {
    if (line && !line.startsWith("#")) {
      const [name, value] = line.split(" ");
      values[name] = Number(value);
    }
  }
  return values;
}

test("/api/metrics has Node's process gauges, named as prom-client names them, with sane values", async ({
  baseURL,
}) => {
  // The first scrape starts a fresh interval (every scrape resets the event-loop histogram).
  await scrape(baseURL!);
  await new Promise((resolve) => setTimeout(resolve, 300));
  const m = await scrape(baseURL!);

  const lag = ["min", "p50", "p90", "p99", "max"].map((stat) => m[`nodejs_eventloop_lag_${stat}_seconds`]);
  const mean = m.nodejs_eventloop_lag_mean_seconds;
  for (const value of [...lag, mean]) expect(Number.isFinite(value)).toBe(true);
  // Sorted as statistics of one interval must be, within the interval, and at least the
  // sampling timer's own period at the median (each sample is the time between its ticks).
  for (let i = 1; i < lag.length; i++) expect(lag[i]).toBeGreaterThanOrEqual(lag[i - 1]);
  expect(mean).toBeGreaterThanOrEqual(lag[0]);
  expect(mean).toBeLessThanOrEqual(lag[4]);
  expect(lag[0]).toBeGreaterThan(0);
  expect(m.nodejs_eventloop_lag_p50_seconds).toBeGreaterThanOrEqual((RESOLUTION_MS / 1000) * 0.5);
  expect(m.nodejs_eventloop_lag_max_seconds).toBeLessThan(5);

  const rss = m.process_resident_memory_bytes;
  const heap = m.nodejs_heap_size_used_bytes;
  expect(rss).toBeGreaterThan(20 * 1024 * 1024);
  expect(rss).toBeLessThan(16 * 1024 * 1024 * 1024);
  expect(heap).toBeGreaterThan(1024 * 1024);
  expect(heap).toBeLessThan(rss);

  // Reads and writes are counted apart, and add up to every statement.
  expect(m.keysmith_db_reads_total + m.keysmith_db_writes_total).toBe(m.keysmith_db_queries_total);
});

// The test server trusts X-Forwarded-For (KEYSMITH_TRUST_PROXY=1), so a request can come "from" elsewhere.
const REMOTE = { "x-forwarded-for": "203.0.113.9" };

test("/api/metrics: this machine only, unless a token is configured; then remote scrapers need it", async ({
  baseURL,
}) => {
  const refused = await fetch(`${baseURL}/api/metrics`, { headers: { ...REMOTE, authorization: "Bearer guess" } });
  expect(refused.status).toBe(401);
  expect(refused.headers.get("www-authenticate")).toBe("Bearer");
  expect((await refused.json()).error.code).toBe("UNAUTHORIZED");

  test.setTimeout(90_000);
  const server = await startServer(await freePort(), {
    KEYSMITH_TRUST_PROXY: "1",
    KEYSMITH_METRICS_TOKEN: "scraper-token-0123456789",
  });
  try {
    const get = (headers: Record<string, string>) => fetch(`${server.url}/api/metrics`, { headers });
    expect((await get(REMOTE)).status).toBe(401);
    expect((await get({ ...REMOTE, authorization: "Bearer scraper-token-012345678" })).status).toBe(401);
    const scraped = await get({ ...REMOTE, authorization: "Bearer scraper-token-0123456789" });
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain("keysmith_verify_requests_total");
    expect((await get({})).status).toBe(200);
  } finally {
    await server.stop();
  }
});
