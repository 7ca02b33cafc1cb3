import { mkdtempSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { ensureBuilt } from "../support/build";
import { probeFailureProtection } from "../support/failure-probe";
import { startKeysmith } from "../support/keysmith";
import { log } from "../support/log";
import { runMain } from "../support/main";
import { interval, scrape } from "../support/metrics";
import { writeReport } from "../support/report-file";
import { RssSampler } from "../support/rss-sampler";
import { seedThroughApi } from "../support/seed";
import { warm } from "../support/warm";
import { wrk } from "../support/wrk";
import { Churn } from "./churn";
import { KeyBook } from "./key-book";
import { type Minute, render } from "./report";

/**
 * Soak: verification load for a long stretch (10 minutes by default) at 32 connections over
 * 10,000 keys created through the API plus 10 % unknown ones, while a key is created, rotated
 * or revoked through the API every second and the load follows (a revoked key must then
 * answer REVOKED). Keysmith runs as `npm start` runs it. Every answer is checked. Reports
 * per minute: throughput, latency, event-loop delay and memory → bench/results/soak.md.
 *
 *   npx tsx bench/soak/run.ts               10 minutes (not part of CI)
 *   npx tsx bench/soak/run.ts --minutes 2   a shorter run
 */
const flag = process.argv.indexOf("--minutes");
const MINUTES = flag > 0 ? Number(process.argv[flag + 1]) : 10;
const SETTINGS = { minutes: MINUTES, keys: 10_000, connections: 32, probeSeconds: 3, seedConcurrency: 8 };
const PORT = 4106;

async function main(): Promise<void> {
  if (!Number.isInteger(MINUTES) || MINUTES < 1) throw new Error("--minutes takes a whole number ≥ 1");
  await ensureBuilt({ peer: false });
  const work = mkdtempSync(join(tmpdir(), "keysmith-soak-"));
  log(`starting Keysmith as npm start does, data in ${work}`);
  const options = { port: PORT, dataDir: join(work, "keysmith") };
  const keysmith = await startKeysmith(options);
  const rssIdle = (await scrape(keysmith.url)).process_resident_memory_bytes;

  log(`creating ${SETTINGS.keys} keys through Keysmith's API`);
  const seed = await seedThroughApi(keysmith.url, SETTINGS.keys, SETTINGS.seedConcurrency);
  log(`created in ${seed.seconds.toFixed(1)} s`);
  const book = new KeyBook(seed.keys, join(work, "load.txt"));
  log("probing the failure protection at the defaults");
  const probe = await probeFailureProtection(keysmith, book.path, {
    seconds: SETTINGS.probeSeconds,
    connections: SETTINGS.connections,
  });
  const verifyUrl = `${keysmith.url}/api/v1/keys/verify`;
  log("warming up (one pass over every key)");
  await warm(verifyUrl, book.path);

  let before = await scrape(keysmith.url);
  const rssBeforeLoad = before.process_resident_memory_bytes;
  const rss = new RssSampler(keysmith.process.child.pid as number);
  const churn = new Churn(seed.owner, book, verifyUrl);
  const minutes: Minute[] = [];
  try {
    for (let minute = 1; minute <= MINUTES; minute++) {
      log(`minute ${minute} of ${MINUTES}`);
      const startedAt = Date.now();
      const load = await wrk(verifyUrl, book.path, {
        duration: "60s",
        connections: SETTINGS.connections,
        check: true,
        reload: true,
      });
      const after = await scrape(keysmith.url);
      minutes.push({
        ...load,
        server: interval(before, after),
        heapBytes: after.nodejs_heap_size_used_bytes,
        rssSamples: rss.between(startedAt, Date.now()),
        loadAverage: loadavg()[0],
        churn: churn.take(),
      });
      before = after;
    }
  } finally {
    await churn.stop();
    rss.stop();
  }
  const report = render({ settings: SETTINGS, seed, probe, options, rssIdle, rssBeforeLoad, minutes });
  writeReport("soak", report, log);
  const errors = minutes.reduce(
    (sum, m) => sum + m.errors + (m.checked?.wrong ?? 0) + m.churn.errors + m.churn.wrong,
    0,
  );
  if (errors) throw new Error(`${errors} errors or wrong answers during the soak (see the report)`);
}

runMain(main);
