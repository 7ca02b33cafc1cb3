import { performance } from "node:perf_hooks";
import { setImmediate as yieldToLoop } from "node:timers/promises";
import { Keysmith } from "@keysmith/sdk";

/**
 * Part (b) of bench/verify-local: a local verifier in a process of its own, as a user's
 * service runs it. The benchmark sends `{ key, code }` over IPC; the watcher checks the key
 * with verifySync on every turn of its event loop until the answer carries `code`, and
 * replies with the moment it did (epoch ms, sub-millisecond, comparable across processes).
 */
const { KEYSMITH_URL: baseUrl = "", VERIFIER_KEY: apiKey = "" } = process.env;
const verifier = new Keysmith({ baseUrl, apiKey }).createVerifier({ mode: "local" });
const now = () => performance.timeOrigin + performance.now();

process.on("message", async (message: { key?: string; code?: string; close?: boolean }) => {
  if (message.close) {
    await verifier.close();
    process.exit(0);
  }
  const { key, code } = message;
  if (!key || !code) return;
  const deadline = now() + 10_000;
  for (;;) {
    if (verifier.verifySync(key)?.code === code) {
      process.send?.({ key, code, at: now() });
      return;
    }
    if (now() > deadline) {
      process.send?.({ key, code, at: null, stats: verifier.stats() });
      return;
    }
    await yieldToLoop();
  }
});

verifier.ready().then(
  () => process.send?.({ ready: true }),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
