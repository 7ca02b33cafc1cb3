import { type ChildProcess, execFile, fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { promisify } from "node:util";
import buildPackages from "../../e2e/support/build-packages";
import { createTestDatabase, postgresUnavailable } from "../../e2e/support/postgres";
import { summarize } from "../../e2e/support/propagation";
import { startServer } from "../../e2e/support/server";
import { STARTING_LOAD } from "../machine-load";
import { ensureBuilt } from "../support/build";
import { startKeysmith } from "../support/keysmith";
import { writeLoadFile } from "../support/load-file";
import { log } from "../support/log";
import { runMain } from "../support/main";
import { startProcess, waitFor } from "../support/processes";
import { writeReport } from "../support/report-file";
import { seedThroughApi, verifyLoad } from "../support/seed";
import { warm } from "../support/warm";
import { wrk } from "../support/wrk";
import { type Figures, render } from "./report";
import { streamCut } from "./stream-cut";
import { WorkspaceAdmin } from "./workspace-admin";

/**
 * The in-process verifier (the SDK's createVerifier({ mode: "local" })) measured in one run:
 * (a) verifications per second in one process against the HTTP fast path and a bare
 * node:http ceiling, on the same key mix as bench/verify (10 % unknown); (b) how long a
 * revocation takes to reach a local verifier in another process, on PGlite and on two
 * instances over PostgreSQL; (c) a silently cut stream: VALID answers for revoked keys
 * after maxStalenessMs (must be none).
 *
 *   npx tsx bench/verify-local/run.ts                 → bench/results/verify-local.md
 *   npx tsx bench/verify-local/run.ts --keys=2000 --rounds=50 --seconds=5   (shorter)
 */
const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const SETTINGS = {
  keys: arg("keys", 10_000),
  rounds: arg("rounds", 100),
  seconds: arg("seconds", 10),
  connections: 32,
};
const PORTS = { keysmith: 4131, bare: 4132, pgA: 4133, pgB: 4134 };
const run = promisify(execFile);

async function main(): Promise<void> {
  await ensureBuilt({ peer: false });
  buildPackages();
  const work = mkdtempSync(join(tmpdir(), "keysmith-bench-local-"));
  const figures: Partial<Figures> = { settings: SETTINGS, startingLoad: STARTING_LOAD };

  log("starting Keysmith as npm start does (PGlite)");
  const keysmith = await startKeysmith({ port: PORTS.keysmith, dataDir: join(work, "keysmith") });
  log(`creating ${SETTINGS.keys} keys through the API`);
  const seed = await seedThroughApi(keysmith.url, SETTINGS.keys, 8);
  const admin = new WorkspaceAdmin(keysmith.url, seed.owner.sessionCookies());
  const verifierKey = await admin.createKey({ name: "Local verifier", scopes: ["keys.verify"] });
  const loadFile = writeLoadFile(join(work, "load.txt"), verifyLoad(seed.keys));

  // (a) throughput
  log("(a) in-process verifier");
  figures.inProcess = await inProcess(keysmith.url, verifierKey.key, loadFile);
  log(
    `(a) ${Math.round(figures.inProcess.sync.perSecond)}/s sync, ${Math.round(figures.inProcess.async.perSecond)}/s async`,
  );
  const bare = startProcess(
    "bare",
    process.execPath,
    ["--import", "tsx", "bench/verify/bare-server.ts", loadFile, String(PORTS.bare)],
    process.env,
  );
  const bareUrl = `http://127.0.0.1:${PORTS.bare}/api/v1/keys/verify`;
  await waitFor(bareUrl, bare, () => true);
  const httpUrl = `${keysmith.url}/api/v1/keys/verify`;
  await warm(bareUrl, loadFile);
  await warm(httpUrl, loadFile);
  const load = (url: string) =>
    wrk(url, loadFile, { duration: `${SETTINGS.seconds}s`, connections: SETTINGS.connections });
  figures.http = [];
  figures.bare = [];
  for (let round = 0; round < 2; round++) {
    figures.bare.push(await load(bareUrl));
    figures.http.push(await load(httpUrl));
  }
  await bare.stop("SIGTERM");
  figures.loadAfterThroughput = loadavg()[0].toFixed(2);

  // (b) revocation propagation on PGlite
  log(`(b) ${SETTINGS.rounds} revocations on PGlite`);
  figures.pglite = await propagation(admin, keysmith.url, verifierKey.key, SETTINGS.rounds);

  // (c) a cut stream
  log("(c) cutting the stream");
  figures.cut = await streamCut(admin, keysmith.url, verifierKey.key);
  await keysmith.stop();

  // (b) on two instances over PostgreSQL: revoked on A, the verifier listens to B
  const unavailable = await postgresUnavailable();
  if (unavailable) figures.postgres = { skipped: unavailable };
  else {
    log(`(b) ${SETTINGS.rounds} revocations, two instances on PostgreSQL`);
    const database = await createTestDatabase("keysmith_bench");
    const env = { DATABASE_URL: database.url, BETTER_AUTH_SECRET: randomBytes(32).toString("base64url") };
    const servers = await Promise.all([PORTS.pgA, PORTS.pgB].map((port) => startServer(port, env)));
    try {
      const [a, b] = servers;
      const pgSeed = await seedThroughApi(a.url, 10, 4);
      const pgAdmin = new WorkspaceAdmin(a.url, pgSeed.owner.sessionCookies());
      const pgVerifier = await pgAdmin.createKey({ name: "Local verifier", scopes: ["keys.verify"] });
      figures.postgres = await propagation(pgAdmin, b.url, pgVerifier.key, SETTINGS.rounds);
    } finally {
      await Promise.all(servers.map((s) => s.stop("SIGTERM")));
      await database.drop();
    }
  }
  figures.endingLoad = loadavg()[0].toFixed(2);
  figures.commit = (await run("git", ["rev-parse", "--short", "HEAD"])).stdout.trim();
  const report = render(figures as Figures);
  writeReport("verify-local", report, log);
}

async function inProcess(url: string, apiKey: string, keysFile: string): Promise<Figures["inProcess"]> {
  const { stdout } = await run(process.execPath, ["--import", "tsx", "bench/verify-local/in-process.ts"], {
    env: {
      ...process.env,
      KEYSMITH_URL: url,
      VERIFIER_KEY: apiKey,
      KEYS_FILE: keysFile,
      SECONDS: String(SETTINGS.seconds),
    },
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}");
}

/** Rounds of: create a key on `admin`'s server, wait until the watcher holds it VALID, revoke it, time the REVOKED. */
async function propagation(admin: WorkspaceAdmin, watchUrl: string, apiKey: string, rounds: number) {
  const watcher = fork("bench/verify-local/watcher.ts", [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, KEYSMITH_URL: watchUrl, VERIFIER_KEY: apiKey },
  });
  try {
    await nextMessage(watcher, (m) => m.ready === true, 60_000);
    const afterAck: number[] = [];
    const afterRequest: number[] = [];
    let missed = 0;
    let beforeAnswer = 0;
    for (let round = 0; round < rounds; round++) {
      const key = await admin.createKey({ name: `Revoked ${round}` });
      watcher.send({ key: key.key, code: "VALID" });
      const valid = await nextMessage(watcher, (m) => m.key === key.key, 15_000);
      if (valid.at === null) throw new Error(`the watcher never saw key ${round} as VALID`);
      const seen = nextMessage(watcher, (m) => m.key === key.key, 15_000);
      watcher.send({ key: key.key, code: "REVOKED" });
      await new Promise((resolve) => setTimeout(resolve, 20)); // the watcher is polling before the revoke
      const sent = performance.timeOrigin + performance.now();
      await admin.revoke(key.id);
      const answered = performance.timeOrigin + performance.now();
      const revoked = await seen;
      if (typeof revoked.at !== "number") {
        missed++;
        continue;
      }
      // The server announces a change as it commits, so the verifier may hold it before the
      // client has read the revoke's answer: counted as 0 (and counted).
      if (revoked.at < answered) beforeAnswer++;
      afterAck.push(Math.max(0, revoked.at - answered));
      afterRequest.push(revoked.at - sent);
    }
    return { afterAck: summarize(afterAck), afterRequest: summarize(afterRequest), missed, beforeAnswer };
  } finally {
    watcher.send({ close: true });
    await new Promise((resolve) => {
      watcher.once("exit", resolve);
      setTimeout(() => {
        watcher.kill("SIGKILL");
        resolve(null);
      }, 5000);
    });
  }
}

// biome-ignore lint/suspicious/noExplicitAny: IPC messages are read field by field
function nextMessage(child: ChildProcess, match: (message: any) => boolean, timeoutMs: number): Promise<any> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.off("message", listener);
      reject(new Error("the watcher did not answer"));
    }, timeoutMs);
    // biome-ignore lint/suspicious/noExplicitAny: as above
    const listener = (message: any) => {
      if (!match(message)) return;
      clearTimeout(timer);
      child.off("message", listener);
      resolve(message);
    };
    child.on("message", listener);
  });
}

runMain(main);
