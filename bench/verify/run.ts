import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { seedPeer } from "../peer/seed";
import { ensureBuilt } from "../support/build";
import { probeFailureProtection } from "../support/failure-probe";
import { type KeysmithOptions, startKeysmith } from "../support/keysmith";
import { type LoadKey, withUnknown, writeLoadFile } from "../support/load-file";
import { log } from "../support/log";
import { runMain } from "../support/main";
import { interval, megabytes, scrape } from "../support/metrics";
import { startProcess, waitFor } from "../support/processes";
import { writeReport } from "../support/report-file";
import { seedThroughApi, verifyLoad } from "../support/seed";
import { warm } from "../support/warm";
import { wrk } from "../support/wrk";
import { type KeysmithRound, type Round, render, type Settings, sanityProblems } from "./report";

/**
 * Verification throughput, side by side in one run on loopback: (a) a bare node:http
 * server doing SHA-256 + Map lookup (the ceiling), (b) Keysmith as `npm start` runs it
 * (server.ts, default settings, keys created through its API), (c) better-auth's api-key
 * plugin verifying through a Next.js route handler on the same kind of database (PGlite).
 * Each is loaded with the same wrk script over its own 10,000 valid keys mixed with 10 %
 * unknown ones; then Keysmith is restarted and loaded cold.
 *
 *   npx tsx bench/verify/run.ts            full run → bench/results/verify.md
 *   npx tsx bench/verify/run.ts --smoke    a few seconds, for the test suite
 *   npx tsx bench/verify/run.ts --postgres two instances on PostgreSQL → bench/results/verify-postgres.md
 *                                          (see postgres.ts)
 */
const smoke = process.argv.includes("--smoke");
const SETTINGS: Settings = {
  smoke,
  keys: smoke ? 300 : 10_000,
  seconds: smoke ? 2 : 10,
  coldSeconds: smoke ? 2 : 10,
  connections: smoke ? 8 : 32,
  warmupSeconds: 8,
  probeSeconds: 3,
  // Rounds interleave the targets (bare, Keysmith, peer, bare, …) and the tables show each
  // target's median round, so a noisy moment on a shared 2-core machine does not decide.
  rounds: smoke ? 1 : 5,
  seedConcurrency: 8,
};
const PORTS = { bare: 4101, keysmith: 4102, peer: 4103 };

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), "keysmith-bench-"));
  await ensureBuilt({ peer: true });
  const { keys: KEYS, connections } = SETTINGS;

  log(`starting Keysmith as npm start does, data in ${work}`);
  const options: KeysmithOptions = { port: PORTS.keysmith, dataDir: join(work, "keysmith") };
  let keysmith = await startKeysmith(options);
  const rssAtStart = (await scrape(keysmith.url)).process_resident_memory_bytes;
  log(`creating ${KEYS} keys through Keysmith's API`);
  const seed = await seedThroughApi(keysmith.url, KEYS, SETTINGS.seedConcurrency);
  log(`created in ${seed.seconds.toFixed(1)} s`);
  const rssAfterSeed = (await scrape(keysmith.url)).process_resident_memory_bytes;
  const keysmithLoad = writeLoadFile(join(work, "keysmith-load.txt"), verifyLoad(seed.keys));

  log(`seeding ${KEYS} keys for the peer`);
  const peerLoad = await seedPeerLoad(work);

  log("probing the failure protection at the defaults");
  const probe = await probeFailureProtection(keysmith, keysmithLoad, {
    seconds: SETTINGS.probeSeconds,
    connections,
  });

  const bare = startProcess(
    "bare",
    process.execPath,
    ["--import", "tsx", "bench/verify/bare-server.ts", keysmithLoad, String(PORTS.bare)],
    process.env,
  );
  const peer = startProcess(
    "peer",
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "bench/peer", "-p", String(PORTS.peer)],
    { ...process.env, PEER_DATA_DIR: join(work, "peer"), NODE_ENV: "production" },
  );
  const urls = {
    bare: `http://127.0.0.1:${PORTS.bare}/api/v1/keys/verify`,
    keysmith: `${keysmith.url}/api/v1/keys/verify`,
    peer: `http://127.0.0.1:${PORTS.peer}/api/verify`,
  };
  const listening = () => true;
  await waitFor(urls.bare, bare, listening);
  await waitFor(urls.peer, peer, listening);

  log("warming up (one pass over every key, then one unmeasured load round each)");
  await warm(urls.bare, keysmithLoad);
  await warm(urls.keysmith, keysmithLoad);
  await warm(urls.peer, peerLoad);
  const load = (url: string, file: string, seconds = SETTINGS.seconds) =>
    wrk(url, file, { duration: `${seconds}s`, connections });
  // The first seconds under full load are still the JIT settling (Keysmith's first round
  // measured 13k req/s, its later ones 21–24k): every target gets the same unmeasured round.
  if (!smoke) {
    await load(urls.bare, keysmithLoad, SETTINGS.warmupSeconds);
    await load(urls.keysmith, keysmithLoad, SETTINGS.warmupSeconds);
    await load(urls.peer, peerLoad, SETTINGS.warmupSeconds);
  }

  const rounds: { bare: Round[]; keysmith: KeysmithRound[]; peer: Round[] } = { bare: [], keysmith: [], peer: [] };
  for (let round = 1; round <= SETTINGS.rounds; round++) {
    log(`round ${round} of ${SETTINGS.rounds}`);
    rounds.bare.push(await load(urls.bare, keysmithLoad));
    const before = await scrape(keysmith.url);
    const result = await load(urls.keysmith, keysmithLoad);
    rounds.keysmith.push({ ...result, server: interval(before, await scrape(keysmith.url)) });
    rounds.peer.push(await load(urls.peer, peerLoad));
  }

  log("cold round: restarting Keysmith on the same data");
  await keysmith.stop();
  keysmith = await startKeysmith(options);
  // Scraped first so the event-loop columns cover the load alone, not the start-up.
  const before = await scrape(keysmith.url);
  const startDelayMs = Date.now() - keysmith.healthyAt;
  const coldResult = await load(urls.keysmith, keysmithLoad, SETTINGS.coldSeconds);
  const cold = { ...coldResult, server: interval(before, await scrape(keysmith.url)), startDelayMs };

  const report = render({
    settings: SETTINGS,
    seed,
    probe,
    options,
    rssAtStart: megabytes(rssAtStart),
    rssAfterSeed: megabytes(rssAfterSeed),
    rounds,
    cold,
  });
  if (smoke) writeReport("bench-verify-smoke", report, log, "test-results");
  else writeReport("verify", report, log);
  const problems = sanityProblems(rounds, cold, smoke);
  if (problems.length) throw new Error(problems.join("\n"));
}

/** The peer's keys (better-auth's createApiKey, as before) with 10 % unknown ones, as a load file. */
async function seedPeerLoad(work: string): Promise<string> {
  const keysFile = join(work, "peer-keys.txt");
  await seedPeer(join(work, "peer"), SETTINGS.keys, keysFile);
  const keys = readFileSync(keysFile, "utf8").split("\n").filter(Boolean);
  return writeLoadFile(
    join(work, "peer-load.txt"),
    withUnknown<LoadKey>(
      keys.map((key) => ({ key, id: null, codes: [] })),
      (valid) => ({ ...valid, key: scramble(valid.key) }),
    ),
  );
}

function scramble(key: string): string {
  const chars = key.split("");
  for (let i = Math.max(0, chars.length - 16); i < chars.length; i++) {
    chars[i] = "abcdefghijklmnopqrstuvwxyz"[Math.floor(Math.random() * 26)];
  }
  return chars.join("");
}

runMain(process.argv.includes("--postgres") ? () => import("./postgres").then((m) => m.runPostgresBench()) : main);
