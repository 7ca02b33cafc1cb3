import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { metric, type StartedServer, startServer } from "../../e2e/support/server";
import { STARTING_LOAD } from "../machine-load";
import { withBenchDatabase } from "../postgres-run";
import { writeLoadFile } from "../support/load-file";
import { log } from "../support/log";
import { writeReport } from "../support/report-file";
import { verifyLoad } from "../support/seed";
import { warm } from "../support/warm";
import { type WrkResult, wrk } from "../support/wrk";
import { seedKeysmith } from "./seed-keysmith";

/**
 * Verification throughput on the PostgreSQL backend with two Keysmith instances, as behind
 * a load balancer. wrk cannot spread one run over two hosts, so each instance gets its own
 * wrk process (half the connections each), both running at once; the table sums their
 * requests and shows each one's latencies. For comparison, each round also loads a single
 * instance with all the connections. On a 2-core machine both instances, PostgreSQL and
 * the generators share the same cores: the second instance adds no CPU, so this shows the
 * cost of the split (and that cache hits stay off the database), not a scaling factor.
 *
 *   npx tsx bench/verify/run.ts --postgres     → bench/results/verify-postgres.md
 */
const KEYS = 10_000;
const DURATION = "10s";
const CONNECTIONS = 32;
const ROUNDS = 3;
const PORTS = [4104, 4105];

interface Round {
  single: WrkResult;
  pair: [WrkResult, WrkResult];
}

export async function runPostgresBench(): Promise<void> {
  await withBenchDatabase("SIGKILL", async (database, servers) => {
    const work = mkdtempSync(join(tmpdir(), "keysmith-bench-pg-"));
    log(`seeding ${KEYS} keys into PostgreSQL database ${database.name}`);
    const keys = await seedKeysmith({ url: database.url, count: KEYS });
    const loadFile = writeLoadFile(join(work, "load.txt"), verifyLoad(keys));
    const env = {
      DATABASE_URL: database.url,
      BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
      // Usage is flushed after the run, so database work counted below is the verifier's own.
      KEYSMITH_USAGE_FLUSH_MS: "3600000",
    };
    servers.push(...(await Promise.all(PORTS.map((port) => startServer(port, env)))));
    const urls = servers.map((s) => `http://127.0.0.1:${new URL(s.url).port}/api/v1/keys/verify`);
    log("warming up both instances (one pass over every key each)");
    for (const url of urls) await warm(url, loadFile);

    const queriesBefore = await dbQueries(servers);
    const rounds: Round[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      log(`round ${round}: one instance, ${CONNECTIONS} connections`);
      const single = await wrk(urls[0], loadFile, { duration: DURATION, connections: CONNECTIONS });
      log(`round ${round}: two instances, ${CONNECTIONS / 2} connections each`);
      const half = { duration: DURATION, threads: 1, connections: CONNECTIONS / 2 };
      const pair = (await Promise.all(urls.map((url) => wrk(url, loadFile, half)))) as [WrkResult, WrkResult];
      rounds.push({ single, pair });
    }
    const dbWork = (await dbQueries(servers)) - queriesBefore;
    // Anything the instances logged about their connections during the run (a lost listener
    // clears the cache, and then the misses above are the reloads).
    const events = servers.flatMap((server, i) =>
      server
        .output()
        .split("\n")
        .filter((line) => /invalidation listener|database connection|flush failed/.test(line))
        .map((line) => `instance ${"AB"[i]}: ${line.trim()}`),
    );
    const report = render(rounds, dbWork, events);
    writeReport("verify-postgres", report, log);
    const errors = rounds.flatMap((r) => [r.single, ...r.pair]).reduce((sum, r) => sum + r.errors, 0);
    if (errors) throw new Error(`${errors} errors during the load`);
  });
}

const rps = (r: WrkResult) => r.rps;
const pairRps = (round: Round) => rps(round.pair[0]) + rps(round.pair[1]);

function render(rounds: Round[], dbWork: number, events: string[]): string {
  const median = [...rounds].sort((x, y) => pairRps(x) - pairRps(y))[Math.floor(rounds.length / 2)];
  const { single, pair } = median;
  const row = (name: string, r: WrkResult) =>
    `| ${name} | ${r.requests} | ${Math.round(rps(r))} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.errors} |`;
  return [
    "# Verification benchmark, PostgreSQL backend, two instances",
    "",
    `${new Date().toISOString()} · ${KEYS.toLocaleString("en")} valid keys + 10 % unknown · two production instances (\`server.ts\`) on one PostgreSQL 15 database, each loaded by its own wrk process (1 thread, ${CONNECTIONS / 2} connections) at the same time; for comparison one instance alone under one wrk (2 threads, ${CONNECTIONS} connections) · ${DURATION} per run, ${ROUNDS} interleaved rounds, the median round (by the pair's total) shown · loopback, ${process.platform} ${process.arch}, Node ${process.version}, 2 cores shared by both instances, PostgreSQL and the generators, load average ${STARTING_LOAD} when the run started`,
    "",
    "| target | requests | req/s | p50 (ms) | p99 (ms) | errors |",
    "|---|---:|---:|---:|---:|---:|",
    row("one instance alone", single),
    row("instance A (of two)", pair[0]),
    row("instance B (of two)", pair[1]),
    `| **two instances, total** | ${pair[0].requests + pair[1].requests} | **${Math.round(pairRps(median))}** | — | ${Math.max(pair[0].p99, pair[1].p99).toFixed(2)} (worse of the two) | ${pair[0].errors + pair[1].errors} |`,
    "",
    `Database queries by both instances during all the load (every key was cached by the warm-up): ${dbWork}.`,
    "",
    events.length
      ? `Logged by the instances during the run:\n\n${events.map((e) => `- \`${e}\``).join("\n")}\n`
      : "Nothing logged by the instances about their database connections during the run.",
    "",
    "Every round (req/s):",
    "",
    ...rounds.map(
      (r, i) =>
        `- round ${i + 1}: one instance ${Math.round(rps(r.single))} · two instances ${Math.round(rps(r.pair[0]))} + ${Math.round(rps(r.pair[1]))} = ${Math.round(pairRps(r))}`,
    ),
    "",
  ].join("\n");
}

async function dbQueries(servers: StartedServer[]): Promise<number> {
  let total = 0;
  for (const server of servers) total += await metric(server.url, "keysmith_db_queries_total");
  return total;
}
