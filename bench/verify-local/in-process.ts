import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { setImmediate as yieldToLoop } from "node:timers/promises";
import { Keysmith } from "@keysmith/sdk";

/**
 * Part (a) of bench/verify-local, in a process of its own (one JavaScript thread, one core):
 * a local verifier over the workspace's keys, verifying the load file's key mix (10 %
 * unknown) for `SECONDS`, first with verifySync, then with `await verify()`. It yields to the
 * event loop every 1,000 verifications, as a server between requests does, so the stream
 * is heard. Prints one JSON line.
 */
const { KEYSMITH_URL: baseUrl = "", VERIFIER_KEY: apiKey = "", KEYS_FILE = "", SECONDS = "10" } = process.env;
const seconds = Number(SECONDS);
const lines = readFileSync(KEYS_FILE, "utf8").split("\n").filter(Boolean);
const keys = lines.map((line) => line.split(" ")[0]);
const expected = lines.map((line) => (line.split(" ")[1] === "-" ? "NOT_FOUND" : "VALID"));

async function main(): Promise<void> {
  const verifier = new Keysmith({ baseUrl, apiKey }).createVerifier({ mode: "local" });
  const readyStarted = performance.now();
  await verifier.ready();
  const readyMs = performance.now() - readyStarted;
  // Every key once through verify(): the unknown ones are asked of the server and remembered.
  for (const key of keys) await verifier.verify(key);
  const results: Record<string, unknown> = { readyMs, keys: keys.length, stats: verifier.stats() };
  for (const mode of ["sync", "async"] as const) {
    let count = 0;
    let wrong = 0;
    let fellBack = 0;
    let i = 0;
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const end = started + seconds * 1000;
    while (performance.now() < end) {
      for (let j = 0; j < 1000; j++) {
        const key = keys[i];
        const answer = mode === "sync" ? verifier.verifySync(key) : await verifier.verify(key);
        if (answer === null) fellBack++;
        else if (answer.code !== expected[i]) wrong++;
        i = i + 1 === keys.length ? 0 : i + 1;
      }
      count += 1000;
      await yieldToLoop();
    }
    const elapsed = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    results[mode] = {
      perSecond: count / elapsed,
      count,
      wrong,
      fellBack,
      cpuShare: (cpu.user + cpu.system) / 1e6 / elapsed,
    };
  }
  results.statsAfter = verifier.stats();
  await verifier.close();
  console.log(JSON.stringify(results));
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
