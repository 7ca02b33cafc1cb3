import { type MessagePort, parentPort, workerData } from "node:worker_threads";
import { openPGlite } from "./pglite.ts";
import { serveConnection } from "./pglite-session.ts";

/**
 * The embedded database's thread (started by pglite-thread.ts): PGlite runs here, so its
 * queries, usage flushes and checkpoints run beside the server's event loop instead of on
 * it. Clients speak the PostgreSQL wire protocol over MessagePorts. Its own imports name
 * their .ts files, as Node's type stripping requires (see pglite-thread.ts), and use only
 * erasable TypeScript.
 */
export type ToWorker = { type: "connect"; port: MessagePort } | { type: "close" };
export type FromWorker = { type: "ready" } | { type: "closed" };

const control = parentPort;
if (!control) throw new Error("pglite-worker.ts runs as a worker thread");
const { dataDir } = workerData as { dataDir: string };

const pglite = openPGlite(dataDir);
await pglite.waitReady;
// PGlite's build logs at debug1 and would send each statement's DEBUG notices to the client.
// The setting belongs to the one session, which every connection shares.
await pglite.exec("SET client_min_messages TO warning");

// One PGlite session: everything that touches it runs one after another.
let queue: Promise<unknown> = Promise.resolve();
const run = <T>(task: () => Promise<T>): Promise<T> => {
  const next = queue.then(task);
  queue = next.catch(() => {});
  return next;
};

control.on("message", (message: ToWorker) => {
  if (message.type === "connect") serveConnection(pglite, message.port, run);
  else if (message.type === "close")
    void run(async () => {
      // A clean shutdown: postgres writes a checkpoint, so the next start needs no recovery.
      if (!pglite.closed) await pglite.close();
      control.postMessage({ type: "closed" } satisfies FromWorker);
      control.close();
    });
});
control.postMessage({ type: "ready" } satisfies FromWorker);
