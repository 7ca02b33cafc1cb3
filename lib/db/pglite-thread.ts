import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { MessageChannel, Worker } from "node:worker_threads";
import type { FromWorker, ToWorker } from "./pglite-worker.ts";
import { PortStream } from "./port-stream.ts";

/**
 * The embedded database in its own worker thread (pglite-worker.ts), reached through
 * wire-protocol streams for pg.Client. If the thread dies, every connection fails with
 * one error naming the cause, and so does every later one: no query waits forever.
 */
export interface PGliteThread {
  /** A new connection (pg.Client's `stream`). */
  connect(): PortStream;
  /** Closes PGlite cleanly (a checkpoint) and ends the thread. */
  close(): Promise<void>;
}

export async function startPGliteThread(dataDir: string): Promise<PGliteThread> {
  const worker = new Worker(workerFile(), { workerData: { dataDir }, execArgv: WORKER_EXEC_ARGV });
  const streams = new Set<PortStream>();
  let failure: Error | null = null;
  let closing = false;

  const fail = (error: Error) => {
    if (failure) return;
    failure = closing
      ? new Error("the embedded database is closed")
      : new Error(`the embedded database thread failed: ${error}`, { cause: error });
    if (!closing) console.error(`[keysmith] ${failure.message}`);
    for (const stream of streams) stream.destroy(failure);
  };
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`it exited with code ${code}`)));

  await new Promise<void>((resolve, reject) => {
    const onMessage = (message: FromWorker) => {
      if (message.type !== "ready") return;
      worker.off("message", onMessage).off("exit", onExit);
      resolve();
    };
    const onExit = () => reject(failure ?? new Error("embedded database thread exited while opening"));
    worker.on("message", onMessage).on("exit", onExit);
  });
  // Idle, the thread does not keep the process alive; connections with work in flight do.
  worker.unref();

  return {
    connect: () => {
      const channel = new MessageChannel();
      const stream = new PortStream(channel.port1);
      if (failure) {
        process.nextTick(() => stream.destroy(failure ?? undefined));
        return stream;
      }
      streams.add(stream);
      stream.on("close", () => streams.delete(stream));
      worker.postMessage({ type: "connect", port: channel.port2 } satisfies ToWorker, [channel.port2]);
      return stream;
    },
    close: async () => {
      if (failure) return;
      closing = true;
      worker.ref();
      const closed = new Promise<void>((resolve) => {
        worker.on("message", (message: FromWorker) => message.type === "closed" && resolve());
        worker.on("exit", () => resolve());
      });
      worker.postMessage({ type: "close" } satisfies ToWorker);
      await closed;
      await worker.terminate();
    },
  };
}

/**
 * The worker's source beside this file, run as it is wherever this module runs: from
 * source under server.ts, Vitest and scripts, and from Next's bundle when a route or a
 * prerender at build time opens the database. Turbopack must not resolve the path itself
 * (it would look the file up among its own modules and fail).
 */
function workerFile(): string {
  return join(/*turbopackIgnore: true*/ dirname(fileURLToPath(import.meta.url)), "pglite-worker.ts");
}

/**
 * The worker's files are TypeScript that Node runs as it is (type stripping, Node ≥ 22.18,
 * as installed on Linux x64: see the README); older Node versions load them through tsx,
 * which costs the thread ~40 MB more. Nothing else of the parent's command line: the
 * server's preloads are for its own thread.
 */
const WORKER_EXEC_ARGV = (process.features as { typescript?: string | false }).typescript ? [] : ["--import", "tsx"];
