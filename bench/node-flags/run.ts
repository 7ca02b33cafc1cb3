import { cpSync, mkdtempSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { SERVER_NODE_ARGS, SERVER_V8_FLAGS } from "../../scripts/server-command";
import { ensureBuilt } from "../support/build";
import { keysmithEnv } from "../support/keysmith";
import { writeLoadFile } from "../support/load-file";
import { log } from "../support/log";
import { runMain } from "../support/main";
import { int, ms, table } from "../support/markdown";
import { megabytes, scrape } from "../support/metrics";
import { startProcess, waitFor } from "../support/processes";
import { writeReport } from "../support/report-file";
import { seedThroughApi, verifyLoad } from "../support/seed";
import { warm } from "../support/warm";
import { wrk } from "../support/wrk";

/**
 * Which V8 flags Keysmith's server starts with: the same verify load on copies of one data
 * folder (10,000 keys created through the API), Keysmith started with each flag set in turn,
 * measured once right after a restart and once after 2,000 more keys were created through
 * the API (the dashboard's and API's traffic leaves the heap larger and the verify path
 * slower). Reports req/s, latency, event-loop delay and RSS, each beside Node's defaults.
 *
 *   npx tsx bench/node-flags/run.ts   → bench/results/node-flags.md
 */
const KEYS = 10_000;
const API_KEYS_BEFORE_LOAD = 2_000;
const ROUND = { duration: "20s", connections: 32 };
const PORT = 4108;

const KEYSMITH = `Keysmith's (\`${SERVER_V8_FLAGS.join(" ")}\`)`;
const VARIANTS: { label: string; flags: string[] }[] = [
  { label: "Node's defaults", flags: [] },
  { label: "`--max-semi-space-size=4` alone", flags: ["--max-semi-space-size=4"] },
  // Keysmith's flags before pretenuring was switched off.
  {
    label: "`--max-semi-space-size=4 --heap-growing-percent=50`",
    flags: ["--max-semi-space-size=4", "--heap-growing-percent=50"],
  },
  {
    label: "`--max-semi-space-size=4 --no-allocation-site-pretenuring`",
    flags: ["--max-semi-space-size=4", "--no-allocation-site-pretenuring"],
  },
  // Without Liftoff-only, V8 also keeps optimised code for PGlite's and Prisma's WebAssembly.
  {
    label: `Keysmith's without \`--liftoff-only\``,
    flags: SERVER_V8_FLAGS.filter((flag) => flag !== "--liftoff-only"),
  },
  { label: KEYSMITH, flags: SERVER_V8_FLAGS },
];

interface Cell {
  rps: number;
  p99: number;
  max: number;
  loopP99: number;
  loopMax: number;
  rssStart: number;
  rssEnd: number;
}

async function main(): Promise<void> {
  await ensureBuilt({ peer: false });
  const work = mkdtempSync(join(tmpdir(), "keysmith-flags-"));
  const seedDir = join(work, "seed");
  log(`creating ${KEYS} keys through the API`);
  const seeder = await start(seedDir, []);
  const seed = await seedThroughApi(seeder.url, KEYS, 8);
  await seeder.process.stop("SIGTERM");
  const loadFile = writeLoadFile(join(work, "load.txt"), verifyLoad(seed.keys));

  const results: { label: string; restarted: Cell; afterApi: Cell }[] = [];
  for (const variant of VARIANTS) {
    const restarted = await measure(variant.flags, seedDir, join(work, `${results.length}-a`), loadFile, 0);
    const afterApi = await measure(
      variant.flags,
      seedDir,
      join(work, `${results.length}-b`),
      loadFile,
      API_KEYS_BEFORE_LOAD,
    );
    log(`${variant.label}: ${int(restarted.rps)} / ${int(afterApi.rps)} req/s`);
    results.push({ label: variant.label, restarted, afterApi });
  }
  writeReport("node-flags", render(results), log);
}

async function start(dataDir: string, flags: string[]) {
  const env = { ...process.env, ...keysmithEnv({ port: PORT, dataDir }) } as NodeJS.ProcessEnv;
  const args = [...flags, ...SERVER_NODE_ARGS.filter((arg) => !SERVER_V8_FLAGS.includes(arg))];
  const child = startProcess("keysmith", process.execPath, args, env);
  const url = `http://127.0.0.1:${PORT}`;
  await waitFor(`${url}/api/health`, child);
  return { url, process: child };
}

async function measure(
  flags: string[],
  seedDir: string,
  dataDir: string,
  loadFile: string,
  apiKeys: number,
): Promise<Cell> {
  cpSync(seedDir, dataDir, { recursive: true });
  const keysmith = await start(dataDir, flags);
  try {
    const rssStart = (await scrape(keysmith.url)).process_resident_memory_bytes;
    if (apiKeys) await seedThroughApi(keysmith.url, apiKeys, 8);
    const verifyUrl = `${keysmith.url}/api/v1/keys/verify`;
    await warm(verifyUrl, loadFile);
    await wrk(verifyUrl, loadFile, { ...ROUND, duration: "8s" });
    await scrape(keysmith.url); // resets the event-loop histogram
    const load = await wrk(verifyUrl, loadFile, ROUND);
    if (load.errors) throw new Error(`${load.errors} errors under load with ${flags.join(" ") || "no flags"}`);
    const after = await scrape(keysmith.url);
    return {
      rps: load.rps,
      p99: load.p99,
      max: load.max,
      loopP99: after.nodejs_eventloop_lag_p99_seconds * 1000,
      loopMax: after.nodejs_eventloop_lag_max_seconds * 1000,
      rssStart,
      rssEnd: after.process_resident_memory_bytes,
    };
  } finally {
    await keysmith.process.stop("SIGTERM");
  }
}

function render(results: { label: string; restarted: Cell; afterApi: Cell }[]): string {
  const base = results[0];
  const ratio = (value: number, baseline: number) => `${(value / baseline).toFixed(2)}×`;
  const rows = (pick: "restarted" | "afterApi") =>
    results.map((r) => {
      const c = r[pick];
      const b = base[pick];
      return [
        r.label,
        `${int(c.rps)} (${ratio(c.rps, b.rps)})`,
        `${ms(c.p99)} (${ratio(c.p99, b.p99)})`,
        ms(c.max),
        ms(c.loopP99),
        ms(c.loopMax),
        int(megabytes(c.rssStart)),
        `${int(megabytes(c.rssEnd))} (${ratio(c.rssEnd, b.rssEnd)})`,
      ];
    });
  const header = [
    "V8 flags",
    " req/s (÷ defaults)",
    " p99 ms (÷ defaults)",
    " max (ms)",
    " loop p99 (ms)",
    " loop max (ms)",
    " RSS at start (MB)",
    " RSS after load (MB, ÷ defaults)",
  ];
  return [
    "# Keysmith's V8 flags",
    "",
    `${new Date().toISOString()} · ${process.platform} ${process.arch}, Node ${process.version}, 2 cores shared by the server and wrk, load average ${loadavg()[0].toFixed(2)} at the end · ${int(KEYS)} keys created through the API, copied for every start · per cell: a restart, a warm-up pass over every key, an unmeasured 8 s round, then one ${ROUND.duration} round of wrk (2 threads, ${ROUND.connections} connections, 10 % unknown keys); one run per cell, so differences of ~15 % are within this machine's noise`,
    "",
    "## Right after a restart",
    "",
    ...table(header, rows("restarted")),
    "",
    `## After ${int(API_KEYS_BEFORE_LOAD)} more keys were created through the API`,
    "",
    ...table(header, rows("afterApi")),
    "",
    "- **RSS at start**: `/api/metrics` right after `/api/health` first answered (the cache already warmed with the keys).",
    "- **RSS after load**: at the end of the measured round.",
    "- **loop p99, loop max**: the event-loop delay during the measured round.",
    "",
  ].join("\n");
}

runMain(main);
