import { mkdtempSync, readdirSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { SERVER_NODE_ARGS } from "../../scripts/server-command";
import { ensureBuilt } from "../support/build";
import { keysmithEnv } from "../support/keysmith";
import { log } from "../support/log";
import { runMain } from "../support/main";
import { int, table } from "../support/markdown";
import { megabytes, scrape } from "../support/metrics";
import { type Started, startProcess, waitFor } from "../support/processes";
import { writeReport } from "../support/report-file";
import { seedThroughApi } from "../support/seed";

/**
 * Is the memory API traffic leaves behind data or room? Keysmith as `npm start` starts it (plus
 * `--heapsnapshot-signal`, which only installs a signal handler), 2,000 keys created through the
 * API: RSS right after and 15 idle seconds later, and, on a second server, the JS heap a full
 * garbage collection leaves (a heap snapshot runs one first) before and after the same traffic.
 *
 *   npx tsx bench/memory-after-api/run.ts   → bench/results/memory-after-api.md
 */
const KEYS = 2_000;
const IDLE_MS = 15_000;
const PORT = 4109;

interface Reading {
  phase: string;
  rss: number;
  heapUsed: number;
  snapshotBytes?: number;
}

async function main(): Promise<void> {
  await ensureBuilt({ peer: false });
  // Writing a heap snapshot takes native memory of its own: RSS is read on a server that writes
  // none, the retained heap on a second one that writes one before and one after the traffic.
  const rss = await measure(false);
  const retained = await measure(true);
  writeReport("memory-after-api", render([...rss, ...retained]), log);
}

async function measure(snapshots: boolean): Promise<Reading[]> {
  const work = mkdtempSync(join(tmpdir(), "keysmith-memory-"));
  const env = { ...process.env, ...keysmithEnv({ port: PORT, dataDir: join(work, "data") }) } as NodeJS.ProcessEnv;
  const args = ["--heapsnapshot-signal=SIGUSR2", `--diagnostic-dir=${work}`, ...SERVER_NODE_ARGS];
  const keysmith = startProcess("keysmith", process.execPath, args, env);
  const url = `http://127.0.0.1:${PORT}`;
  await waitFor(`${url}/api/health`, keysmith);
  const readings: Reading[] = [];
  const read = async (phase: string, snapshotBytes?: number) => {
    const metrics = await scrape(url);
    readings.push({
      phase: `${snapshots ? "B" : "A"}: ${phase}`,
      rss: metrics.process_resident_memory_bytes,
      heapUsed: metrics.nodejs_heap_size_used_bytes,
      snapshotBytes,
    });
    log(`${phase}: RSS ${int(megabytes(metrics.process_resident_memory_bytes))} MB`);
  };

  await read("right after start");
  if (snapshots) await read("after a full GC (heap snapshot)", await heapSnapshot(keysmith, work));
  const seeded = await seedThroughApi(url, KEYS, 8);
  await read(`right after ${KEYS.toLocaleString("en")} keys created through the API (${seeded.seconds.toFixed(0)} s)`);
  if (snapshots) {
    await read("after a full GC (heap snapshot)", await heapSnapshot(keysmith, work));
  } else {
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    await read(`${IDLE_MS / 1000} s later, idle`);
  }
  await keysmith.stop("SIGTERM");
  return readings;
}

/** SIGUSR2 → a heap snapshot in `dir`; resolves with its size once the file stops growing. */
async function heapSnapshot(keysmith: Started, dir: string): Promise<number> {
  const before = new Set(readdirSync(dir));
  keysmith.child.kill("SIGUSR2");
  let last = -1;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const file = readdirSync(dir).find((name) => name.endsWith(".heapsnapshot") && !before.has(name));
    if (!file) continue;
    const size = statSync(join(dir, file)).size;
    if (size > 0 && size === last) return size;
    last = size;
  }
}

function render(readings: Reading[]): string {
  return [
    "# Memory after API traffic: data or room?",
    "",
    `${new Date().toISOString()} · ${process.platform} ${process.arch}, Node ${process.version}, load average ${loadavg()[0].toFixed(2)} · Keysmith started as \`npm start\` starts it (\`node --heapsnapshot-signal=SIGUSR2 ${SERVER_NODE_ARGS.join(" ")}\`), ${KEYS.toLocaleString("en")} keys created through the API, 8 requests at a time`,
    "",
    ...table(
      ["when", " RSS (MB)", " JS heap used (MB)", " heap snapshot (MB on disk)"],
      readings.map((r) => [
        r.phase,
        int(megabytes(r.rss)),
        int(megabytes(r.heapUsed)),
        r.snapshotBytes === undefined ? "" : int(megabytes(r.snapshotBytes)),
      ]),
    ),
    "",
    "- **A**: a server that writes no heap snapshot, for RSS. **B**: a second one, for what the JS heap really retains: V8 runs a full garbage collection before writing a snapshot (writing it costs native memory, so B's RSS is not comparable).",
    "- A heap that stays flat across the API traffic while RSS climbs and then falls back when idle is room V8 keeps for garbage while busy (its memory reducer returns it once the process idles), not data the server holds on to.",
    "",
  ].join("\n");
}

runMain(main);
