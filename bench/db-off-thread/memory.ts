import { execFile, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { createTestDatabase, postgresUnavailable } from "../../e2e/support/postgres";
import { PGLITE_ARGUMENTS } from "../../lib/db/pglite-settings";
import { SERVER_NODE_ARGS } from "../../scripts/server-command";
import { STARTING_LOAD } from "../machine-load";

/**
 * What PGlite's memory is made of, and the floor the app can reach:
 * (1) a bare Node process opening PGlite (pglite-rss.ts) at several shared_buffers sizes, on
 *     an existing data folder, a new one (initdb) and memory://, and in a worker thread as
 *     the app does; (2) Next's server alone (`next start`, no request, so no database) and
 *     Keysmith's server on PostgreSQL (Next and the app, the database in another process).
 * Median of 3 fresh processes each. → bench/results/pglite-memory.md
 *
 *   npx tsx bench/db-off-thread/memory.ts
 */
const RUNS = 3;
const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), "keysmith-pglite-memory-"));

const SIZES = ["128MB", "32MB", "16MB", "8MB", "4MB"];
const KINDS = ["existing folder", "new folder", "memory://"] as const;

interface Measured {
  settings: Record<string, string>;
  openMs: number;
  rssBeforeMb: number;
  rssMb: number;
}

async function main(): Promise<void> {
  const lines = [
    "# PGlite's memory",
    "",
    `${new Date().toISOString()} · Node ${process.version} · ${process.platform} ${process.arch} · load average ${STARTING_LOAD} at the start · median of ${RUNS} fresh processes`,
    "",
    "## A bare Node process with PGlite",
    "",
    "`node --expose-gc bench/db-off-thread/pglite-rss.ts`: opens PGlite 0.3.16 with pg_trgm, applies Keysmith's migrations, reads a key by hash, waits 2.5 s, runs a full GC, reads its RSS. PGlite's share is that RSS minus the same process's RSS before it opened PGlite (Node's own type stripping makes the script's process start larger than a plain one).",
    "",
    `A bare Node process (\`node -e\`, no TypeScript): ${await bareNodeMb()} MB.`,
    "",
    "| shared_buffers | data | PGlite's share (MB) | each run | process RSS (MB) | open (ms) |",
    "|---|---|---:|---|---:|---:|",
  ];
  for (const kind of KINDS) for (const size of SIZES) lines.push(await pgliteRow(size, kind, "this thread"));
  lines.push(await pgliteRow(PGLITE_ARGUMENTS["shared_buffers=128MB"].split("=")[1], "existing folder", "thread"));
  lines.push(
    "",
    "## Next and the app without PGlite",
    "",
    "Idle RSS of a production server that has served no request: at the first answer, and 30 s later (V8 shrinks the young generation it grew during start-up once the process is idle).",
    "",
    "| server | RSS at start (MB) | 30 s later (MB) |",
    "|---|---:|---:|",
    await serverRow(
      "`next start` (Next alone: no request, so no database)",
      ["node_modules/next/dist/bin/next", "start", "-p", "4311"],
      4311,
    ),
  );
  const unavailable = await postgresUnavailable();
  if (unavailable) lines.push(`| Keysmith on PostgreSQL | ${unavailable} | |`);
  else {
    const database = await createTestDatabase("keysmith_memory");
    try {
      lines.push(
        await serverRow("Keysmith (`server.ts`) on PostgreSQL: Next and the app", SERVER_NODE_ARGS, 4312, {
          DATABASE_URL: database.url,
        }),
      );
    } finally {
      await database.drop();
    }
  }
  lines.push("");
  const report = lines.join("\n");
  console.log(report);
  mkdirSync(join("bench", "results"), { recursive: true });
  writeFileSync(join("bench", "results", "pglite-memory.md"), report);
  log("wrote bench/results/pglite-memory.md");
}

async function pgliteRow(size: string, kind: (typeof KINDS)[number], mode: "this thread" | "thread"): Promise<string> {
  const replacements: Record<string, string> =
    size === "128MB" ? {} : { "shared_buffers=128MB": `shared_buffers=${size}` };
  const existing = join(work, `existing-${size}`);
  const results: Measured[] = [];
  for (let i = 0; i < RUNS; i++) {
    let dataDir = kind === "memory://" ? "memory://" : join(work, `new-${size}-${mode}-${i}`);
    if (kind === "existing folder") {
      dataDir = existing;
      if (!existsSync(existing)) await measure(existing, replacements, mode);
    }
    results.push(await measure(dataDir, replacements, mode));
    if (kind === "new folder") rmSync(dataDir, { recursive: true, force: true });
  }
  const share = results.map((r) => r.rssMb - r.rssBeforeMb);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const shown = results[0].settings.shared_buffers;
  const where = mode === "thread" ? `${kind}, in a worker thread spoken to with pg (the app's way)` : kind;
  log(`${shown} ${where}: +${share.join("/")} MB`);
  return `| ${shown} | ${where} | ${median(share)} | ${share.join(" / ")} | ${median(results.map((r) => r.rssMb))} | ${median(results.map((r) => r.openMs))} |`;
}

async function measure(dataDir: string, replacements: Record<string, string>, mode: string): Promise<Measured> {
  const args = ["--expose-gc", "bench/db-off-thread/pglite-rss.ts", dataDir, JSON.stringify(replacements)];
  if (mode === "thread") args.push("thread");
  const { stdout } = await run(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(stdout.trim().split("\n").at(-1) as string);
}

async function serverRow(label: string, args: string[], port: number, env: Record<string, string> = {}) {
  const atStart: number[] = [];
  const later: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const child = spawn(process.execPath, args, {
      env: {
        ...process.env,
        PORT: String(port),
        NODE_ENV: "production",
        KEYSMITH_DATA_DIR: join(work, `server-${port}-${i}`),
        ...env,
      },
      stdio: "ignore",
    });
    try {
      // A path Next answers itself (404) without rendering a page or opening a database.
      await waitFor(`http://127.0.0.1:${port}/_next/static/none`);
      atStart.push(rssMb(child.pid as number));
      await new Promise((resolve) => setTimeout(resolve, 30_000));
      later.push(rssMb(child.pid as number));
    } finally {
      child.kill("SIGKILL");
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  log(`${label}: ${atStart.join("/")} → ${later.join("/")} MB`);
  return `| ${label} | ${median(atStart)} (${atStart.join(" / ")}) | ${median(later)} (${later.join(" / ")}) |`;
}

async function bareNodeMb(): Promise<number> {
  const { stdout } = await run(process.execPath, ["-e", "console.log(process.memoryUsage().rss)"]);
  return Math.round(Number(stdout) / 1048576);
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024);
}

async function waitFor(url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`${url} did not answer`);
}

function log(message: string): void {
  console.error(`[bench] ${message}`);
}

main()
  .then(() => rmSync(work, { recursive: true, force: true }))
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
