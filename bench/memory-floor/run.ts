import { mkdtempSync, readFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { compileForNode } from "../../scripts/build-server";
import { SERVER_V8_FLAGS } from "../../scripts/server-command";
import { ensureBuilt } from "../support/build";
import { startKeysmith } from "../support/keysmith";
import { log } from "../support/log";
import { runMain } from "../support/main";
import { int, mark, table } from "../support/markdown";
import { type Started, startProcess } from "../support/processes";
import { writeReport } from "../support/report-file";

/**
 * What Keysmith's memory is made of when idle: the floor its two large parts set (a Node
 * process holding PGlite with Keysmith's settings, and one holding Next serving Keysmith's
 * build), measured beside Keysmith itself right after `npm start`. The floor
 * counts PGlite in the process's own thread, its smallest form; Keysmith runs it in a
 * worker thread, measured beside it, whose extra isolate is Keysmith's own cost. The parts are
 * compiled to JavaScript as `npm run build` compiles the server (scripts/build-server.ts): a
 * TypeScript loader would add its own memory to the floor. Each process
 * runs alone; its RSS is sampled from /proc for 10 s once it has settled, the median kept;
 * rounds alternate the five and the median round is reported.
 *
 *   npx tsx bench/memory-floor/run.ts [--rounds N]   → bench/results/memory-floor.md
 */
const flag = process.argv.indexOf("--rounds");
const ROUNDS = flag > 0 ? Number(process.argv[flag + 1]) : 3;
const SETTLE_MS = 5_000;
const SAMPLE_MS = 10_000;
const PORT = 4107;
const MB = 1024 * 1024;

type Part = "node" | "pglite" | "pgliteThread" | "next" | "keysmith";
const LABELS: Record<Part, string> = {
  node: "bare Node (an idle `node` process)",
  pglite:
    "Node + PGlite in the process's own thread, with Keysmith's settings, migrated (`bench/memory-floor/pglite-alone.ts`), Keysmith's V8 flags",
  pgliteThread: "the same with PGlite in a worker thread, as Keysmith runs it",
  next: "Node + Next serving Keysmith's build, no database (`bench/memory-floor/next-alone.ts`), Keysmith's V8 flags",
  keysmith: "Keysmith, idle right after `npm start` (health, one page, one verification)",
};

async function main(): Promise<void> {
  if (!Number.isInteger(ROUNDS) || ROUNDS < 1) throw new Error("--rounds takes a whole number ≥ 1");
  await ensureBuilt({ peer: false });
  const work = mkdtempSync(join(tmpdir(), "keysmith-memory-"));
  // The parts run as Keysmith's server does: compiled to JavaScript, no TypeScript loader.
  // Inside the project, for their imports of node_modules to resolve.
  const compiled = join(".next", "memory-floor-parts");
  await compileForNode(
    { "pglite-alone": "bench/memory-floor/pglite-alone.ts", "next-alone": "bench/memory-floor/next-alone.ts" },
    compiled,
  );
  const rounds: Record<Part, number>[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const figures = {} as Record<Part, number>;
    for (const part of Object.keys(LABELS) as Part[]) {
      figures[part] = await measure(part, join(work, `${part}-${round}`), compiled);
      log(`round ${round}: ${part} ${(figures[part] / MB).toFixed(0)} MB`);
    }
    rounds.push(figures);
  }
  writeReport("memory-floor", render(rounds), log);
}

async function measure(part: Part, dataDir: string, compiled: string): Promise<number> {
  const started = await start(part, dataDir, compiled);
  try {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    return await medianRss(started.child.pid as number);
  } finally {
    await started.stop("SIGTERM");
  }
}

async function start(part: Part, dataDir: string, compiled: string): Promise<Started> {
  const env = { ...process.env, NODE_ENV: "production" } as NodeJS.ProcessEnv;
  if (part === "keysmith") {
    const keysmith = await startKeysmith({ port: PORT, dataDir });
    await exercise(keysmith.url);
    return keysmith.process;
  }
  const args = {
    node: ["-e", "console.log('ready'); setInterval(() => {}, 60000)"],
    pglite: [...SERVER_V8_FLAGS, join(compiled, "pglite-alone.mjs"), dataDir, "inline"],
    pgliteThread: [...SERVER_V8_FLAGS, join(compiled, "pglite-alone.mjs"), dataDir, "thread"],
    next: [...SERVER_V8_FLAGS, join(compiled, "next-alone.mjs"), String(PORT)],
  }[part];
  const started = startProcess(part, process.execPath, args, env);
  await ready(started);
  return started;
}

/** What next-alone does too (one page), plus one verification: Keysmith's fast path loaded. */
async function exercise(url: string): Promise<void> {
  await (await fetch(`${url}/memory-floor-probe`)).text();
  const verify = await fetch(`${url}/api/v1/keys/verify`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ key: "ks_live_memoryfloorprobe" }),
  });
  await verify.text();
}

async function ready(started: Started, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!/^ready$/m.test(started.output())) {
    if (started.child.exitCode !== null) throw new Error(`exited before it was ready:\n${started.output()}`);
    if (Date.now() > deadline) throw new Error(`not ready within ${timeoutMs / 1000} s:\n${started.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function medianRss(pid: number): Promise<number> {
  const samples: number[] = [];
  for (const end = Date.now() + SAMPLE_MS; Date.now() < end; ) {
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    if (kb !== undefined) samples.push(Number(kb) * 1024);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

function render(rounds: Record<Part, number>[]): string {
  const floor = (r: Record<Part, number>) => r.pglite + r.next;
  const median = [...rounds].sort((a, b) => a.keysmith - floor(a) - (b.keysmith - floor(b)))[
    Math.floor(rounds.length / 2)
  ];
  const mb = (bytes: number) => int(bytes / MB);
  const sum = floor(median);
  const over = median.keysmith - sum;
  return [
    "# Keysmith's memory floor",
    "",
    `${new Date().toISOString()} · ${process.platform} ${process.arch}, Node ${process.version}, load average ${loadavg()[0].toFixed(2)} · each process alone, RSS from /proc every 250 ms for ${SAMPLE_MS / 1000} s after ${SAMPLE_MS / 2000} s of settling, the median sample · ${ROUNDS} round(s), the median round (by Keysmith's distance from the floor) shown`,
    "",
    ...table(
      ["process", " RSS (MB)", " every round (MB)"],
      (Object.keys(LABELS) as Part[]).map((part) => [
        LABELS[part],
        mb(median[part]),
        rounds.map((r) => mb(r[part])).join(", "),
      ]),
    ),
    "",
    ...table(
      ["target", " run", "goal"],
      [
        ["Keysmith idle", `${mb(median.keysmith)} MB`, `≤ 250 MB ${mark(median.keysmith <= 250 * MB)}`],
        [
          "Keysmith idle − (PGlite alone + Next alone)",
          `${mb(median.keysmith)} − ${mb(sum)} = ${mb(over)} MB`,
          `≤ 50 MB ${mark(over <= 50 * MB)}`,
        ],
        [
          "the same, counting the bare Node process once",
          `${mb(median.keysmith)} − ${mb(sum - median.node)} = ${mb(over + median.node)} MB`,
          "(for reference)",
        ],
      ],
    ),
    "",
  ].join("\n");
}

runMain(main);
