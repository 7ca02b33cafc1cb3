import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { SERVER_NODE_ARGS } from "../../scripts/server-command";
import { STARTING_LOAD } from "../machine-load";

/**
 * What the embedded database costs the verification path, before and after a change to
 * it (here: PGlite in its own thread), side by side in one run: the production server of
 * each checkout, on PGlite, with N keys created through the API; wrk verifies all of
 * them at random (so every 2-second usage flush writes ~N rows) in interleaved rounds
 * with a bare node:http server as the ceiling. Measured inside each server (probe.ts,
 * loaded with --import): event-loop delay of its main thread and RSS; by wrk: req/s,
 * p50, p99 and max latency. Idle RSS is read after start-up, before any traffic.
 *
 *   npx tsx bench/db-off-thread/run.ts                  before = merge-base with main → bench/results/db-off-thread.md
 *   npx tsx bench/db-off-thread/run.ts --before=<ref> --keys=10000 --rounds=3 --duration=15s
 *
 * The "before" checkout is extracted into .bench-before/, shares this checkout's
 * node_modules, is built with `next build` (≈ 30 s) and removed at the end.
 */
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const KEYS = Number(arg("keys") ?? 10_000);
const ROUNDS = Number(arg("rounds") ?? 3);
const DURATION = arg("duration") ?? "15s";
const CONNECTIONS = 32;
const IDLE_WAIT_MS = 30_000;
const run = promisify(execFile);
const children: ChildProcess[] = [];
const work = mkdtempSync(join(tmpdir(), "keysmith-db-bench-"));
const BEFORE_DIR = resolve(".bench-before");

interface Target {
  name: string;
  url: string;
  probe?: string;
  pid?: number;
}

interface Round {
  rps: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  loopP99?: number;
  loopMax?: number;
  gcMax?: number;
  gcTotal?: number;
  rssMax?: number;
}

async function main(): Promise<void> {
  const beforeRef = arg("before") ?? (await git("merge-base", "HEAD", "main"));
  const afterRef = await git("rev-parse", "HEAD");
  if (!existsSync(".next/BUILD_ID")) await step("building this checkout", "npx", ["next", "build"]);
  const beforeDir = await prepareCheckout(beforeRef);

  const names = { before: `before (${beforeRef.slice(0, 7)})`, after: `after (${afterRef.slice(0, 7)})` };
  const before = await startKeysmith(names.before, beforeDir, 4201);
  const after = await startKeysmith(names.after, process.cwd(), 4202);
  log(`idle: waiting ${IDLE_WAIT_MS / 1000} s with no traffic`);
  const idleAtReady = { before: rssMb(before.pid), after: rssMb(after.pid) };
  await sleep(IDLE_WAIT_MS);
  const idleSettled = { before: rssMb(before.pid), after: rssMb(after.pid) };

  const seeded = { before: await seedKeys(before), after: await seedKeys(after) };
  // One keys file for the ceiling: it has the same number of keys to hash and look up.
  const bare: Target = { name: "bare node:http (ceiling)", url: "http://127.0.0.1:4203/api/v1/keys/verify" };
  start(bare.name, process.execPath, ["--import", "tsx", "bench/verify/bare-server.ts", seeded.after, "4203"]);
  await waitFor(`${bare.url.replace("/api/v1/keys/verify", "/")}`);

  log("warming up: every key verified once (loads each server's cache), then 8 s of load each");
  for (const [target, keys] of [
    [before, seeded.before],
    [after, seeded.after],
  ] as const)
    await warm(target, keys);
  for (const [target, keys] of [
    [bare, seeded.after],
    [before, seeded.before],
    [after, seeded.after],
  ] as const)
    await load(target, keys, "8s");

  const rounds: Record<string, Round[]> = { [bare.name]: [], [before.name]: [], [after.name]: [] };
  for (let i = 1; i <= ROUNDS; i++) {
    rounds[bare.name].push(await load(bare, seeded.after));
    rounds[before.name].push(await load(before, seeded.before));
    rounds[after.name].push(await load(after, seeded.after));
  }
  const report = render(rounds, { bare: bare.name, before: before.name, after: after.name }, idleAtReady, idleSettled);
  console.log(report);
  mkdirSync(join("bench", "results"), { recursive: true });
  writeFileSync(join("bench", "results", "db-off-thread.md"), report);
  log("wrote bench/results/db-off-thread.md");
}

/**
 * The files of `ref` (git archive) inside this checkout, with its Prisma client generated
 * and built: inside, so that it resolves this checkout's node_modules; neither a worktree
 * nor with its own lock file, so that Next takes this checkout as the workspace root
 * (Turbopack compiles nothing outside it).
 */
async function prepareCheckout(ref: string): Promise<string> {
  const dir = BEFORE_DIR;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  await step(`extracting ${ref.slice(0, 7)}`, "bash", ["-c", `git archive ${ref} | tar -x -C ${dir}`]);
  rmSync(join(dir, "package-lock.json"));
  await step(`generating the Prisma client for ${ref.slice(0, 7)}`, "npx", ["prisma", "generate"], dir);
  await step(`building ${ref.slice(0, 7)}`, "npx", ["next", "build"], dir);
  return dir;
}

async function startKeysmith(name: string, dir: string, port: number): Promise<Target & { pid: number }> {
  const probePort = port + 100;
  // The probe goes just before server.ts, after the preloads the server insists on.
  const args = [...SERVER_NODE_ARGS.slice(0, -1), "--import", resolve("bench/db-off-thread/probe.ts"), "server.ts"];
  const child = start(name, process.execPath, args, {
    cwd: dir,
    env: {
      PORT: String(port),
      PROBE_PORT: String(probePort),
      NODE_ENV: "production",
      KEYSMITH_DATA_DIR: join(work, `data-${port}`),
      KEYSMITH_AUTH_RATE_LIMIT: "off",
    },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/api/ready`);
  return { name, url: `${url}/api/v1/keys/verify`, probe: `http://127.0.0.1:${probePort}`, pid: child.pid as number };
}

/** An owner signs up, creates a workspace and `KEYS` keys through the API; returns the keys file. */
async function seedKeys(target: Target): Promise<string> {
  const base = target.url.replace("/api/v1/keys/verify", "");
  const started = Date.now();
  const headers: Record<string, string> = { origin: base, "content-type": "application/json" };
  const signUp = await fetch(`${base}/api/auth/sign-up/email`, {
    method: "POST",
    headers,
    body: JSON.stringify({
      name: "Bench",
      email: `bench-${Date.now()}@example.com`,
      password: "correct-horse-battery",
    }),
  });
  headers.cookie = signUp.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${base}${path}`, { method: "POST", headers, body: JSON.stringify(body) });
    if (res.status !== 201) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
    return res.json();
  };
  await post("/api/v1/workspaces", { name: "Bench", slug: `bench-${Date.now()}`, keyPrefix: "sk" });
  const keys: string[] = [];
  let next = 0;
  const creator = async () => {
    while (next < KEYS) {
      const i = next++;
      keys.push((await post("/api/v1/keys", { name: `bench key ${i}`, scopes: ["keys.read"] })).key);
    }
  };
  await Promise.all(Array.from({ length: 8 }, creator));
  const file = join(work, `keys-${new URL(base).port}.txt`);
  writeFileSync(file, `${keys.join("\n")}\n`);
  log(`${target.name}: ${KEYS} keys created through the API in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return file;
}

async function warm(target: Target, keysFile: string): Promise<void> {
  const keys = readFileSync(keysFile, "utf8").split("\n").filter(Boolean);
  let next = 0;
  const worker = async () => {
    while (next < keys.length) {
      const res = await fetch(target.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ key: keys[next++] }),
      });
      const body = (await res.json()) as { valid?: boolean };
      if (!body.valid) throw new Error(`${target.name} refused a key during warm-up: ${JSON.stringify(body)}`);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}

async function load(target: Target, keysFile: string, duration = DURATION): Promise<Round> {
  log(`loading ${target.name} for ${duration}`);
  if (target.probe) await probe(`${target.probe}/reset`);
  let rssMax = 0;
  const sampler = target.pid
    ? setInterval(() => {
        rssMax = Math.max(rssMax, rssMb(target.pid as number));
      }, 200)
    : undefined;
  const { stdout } = await run(
    "wrk",
    ["-t2", `-c${CONNECTIONS}`, `-d${duration}`, "--timeout", "5s", "-s", "bench/db-off-thread/load.lua", target.url],
    { env: { ...process.env, KEYS_FILE: keysFile } },
  );
  clearInterval(sampler);
  const line = stdout.split("\n").find((l) => l.startsWith("RESULT "));
  if (!line) throw new Error(`no result from wrk:\n${stdout}`);
  const [requests, durationUs, p50, p99, max, errors] = line.split(" ").slice(1).map(Number);
  const round: Round = {
    rps: requests / (durationUs / 1e6),
    p50: p50 / 1000,
    p99: p99 / 1000,
    max: max / 1000,
    errors,
  };
  if (target.probe) {
    const inside = (await probe(target.probe)) as { p99: number; max: number; gc: { maxMs: number; totalMs: number } };
    Object.assign(round, {
      loopP99: inside.p99,
      loopMax: inside.max,
      gcMax: inside.gc.maxMs,
      gcTotal: inside.gc.totalMs,
      rssMax,
    });
  }
  return round;
}

function render(
  rounds: Record<string, Round[]>,
  names: { bare: string; before: string; after: string },
  idleAtReady: { before: number; after: number },
  idleSettled: { before: number; after: number },
): string {
  const median = (list: Round[], key: keyof Round) =>
    [...list.map((r) => r[key] as number)].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  const f = (x: number | undefined, digits = 1) => (x === undefined ? "–" : x.toFixed(digits));
  const bare = rounds[names.bare];
  const row = (name: string) => {
    const list = rounds[name];
    const loop = list[0].loopP99 === undefined;
    return `| ${name} | ${Math.round(median(list, "rps"))} | ${f(median(list, "p50"), 2)} | ${f(median(list, "p99"), 2)} | ${f(Math.max(...list.map((r) => r.max)))} | ${loop ? "–" : f(median(list, "loopP99"))} | ${loop ? "–" : f(Math.max(...list.map((r) => r.loopMax ?? 0)))} | ${loop ? "–" : f(Math.max(...list.map((r) => r.gcMax ?? 0)))} | ${loop ? "–" : f(median(list, "gcTotal") / 1000, 2)} | ${loop ? "–" : Math.max(...list.map((r) => r.rssMax ?? 0))} | ${list.reduce((s, r) => s + r.errors, 0)} |`;
  };
  const ratio = (name: string) => {
    const list = rounds[name];
    const tp = median(list, "rps") / median(bare, "rps");
    const p99 = median(list, "p99") / median(bare, "p99");
    const max = Math.max(...list.map((r) => r.max));
    return `| ${name} | ${(tp * 100).toFixed(0)} % ${tp >= 0.85 ? "✅" : "❌"} | ${p99.toFixed(2)}× ${p99 <= 1.5 ? "✅" : "❌"} | ${max.toFixed(0)} ms ${max <= 50 ? "✅" : "❌"} |`;
  };
  const each = (name: string) =>
    `- ${name}: ${rounds[name].map((r) => `${Math.round(r.rps)} req/s, p99 ${f(r.p99, 2)} ms, max ${f(r.max)} ms${r.loopMax === undefined ? "" : `, loop p99/max ${f(r.loopP99)}/${f(r.loopMax)} ms, GC max ${f(r.gcMax)} ms`}`).join(" · ")}`;
  return [
    "# The embedded database and the verification path",
    "",
    `${new Date().toISOString()} · ${KEYS.toLocaleString("en")} keys created through the API, all verified at random (usage flush every 2 s) · wrk, 2 threads, ${CONNECTIONS} connections, ${DURATION} per round after a warm-up pass and an unmeasured 8 s round per target, ${ROUNDS} interleaved rounds (median; max over all rounds) · ${process.platform} ${process.arch}, Node ${process.version}, 2 cores shared with the load generator, load average ${STARTING_LOAD} at the start`,
    "",
    "| target | req/s | p50 (ms) | p99 (ms) | max (ms) | event-loop delay p99 (ms) | event-loop delay max (ms) | longest GC pause (ms) | GC time per round (s) | RSS under load, max (MB) | errors |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    row(names.bare),
    row(names.before),
    row(names.after),
    "",
    "| target | req/s ÷ bare (≥ 85 %) | p99 ÷ bare (≤ 1.5×) | max latency (≤ 50 ms) |",
    "|---|---:|---:|---:|",
    ratio(names.before),
    ratio(names.after),
    "",
    "Idle RSS (MB), no request served yet: at /api/ready · 30 s later",
    "",
    `- ${names.before}: ${idleAtReady.before} · ${idleSettled.before}`,
    `- ${names.after}: ${idleAtReady.after} · ${idleSettled.after}`,
    "",
    "Every round:",
    "",
    each(names.bare),
    each(names.before),
    each(names.after),
    "",
  ].join("\n");
}

/** The probe's answer; once more if the server dropped the kept-alive connection as it was reused. */
async function probe(url: string): Promise<unknown> {
  try {
    return await (await fetch(url)).json();
  } catch {
    return (await fetch(url)).json();
  }
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024);
}

function start(
  name: string,
  cmd: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): ChildProcess {
  const child = spawn(cmd, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let err = "";
  child.stderr?.on("data", (chunk) => (err = (err + chunk).slice(-4000)));
  child.on("exit", (code) => {
    if (code && !stopping) console.error(`[bench] ${name} exited with ${code}:\n${err}`);
  });
  children.push(child);
  return child;
}

async function waitFor(url: string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer`);
}

async function git(...args: string[]): Promise<string> {
  return (await run("git", args)).stdout.trim();
}

async function step(label: string, cmd: string, args: string[], cwd?: string): Promise<void> {
  log(label);
  await run(cmd, args, { cwd, maxBuffer: 64 * 1024 * 1024 });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function log(message: string): void {
  console.error(`[bench] ${message}`);
}

let stopping = false;
async function cleanUp(): Promise<void> {
  stopping = true;
  for (const child of children) child.kill("SIGKILL");
  rmSync(BEFORE_DIR, { recursive: true, force: true });
}

main()
  .then(cleanUp)
  .then(() => process.exit(0))
  .catch(async (error) => {
    console.error(error instanceof Error ? error.message : error);
    await cleanUp();
    process.exit(1);
  });
