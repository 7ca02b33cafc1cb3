import { parentPort, workerData } from "node:worker_threads";
import { messages, type PGlite } from "@electric-sql/pglite";
import { openPGlite } from "./pglite.ts";

/**
 * The embedded database's own thread (started by pglite-thread.ts). PostgreSQL runs here,
 * so usage flushes, cache misses and the API's queries execute beside the server's event
 * loop instead of on it. The server's thread keeps PGlite's client half (statement
 * building, locks, transactions, result parsing) and sends wire-protocol messages here one
 * exchange at a time. Node runs this file as it is (type stripping): its imports name their
 * .ts files and it uses only erasable TypeScript.
 */
export type ToDatabaseThread = { id: number; op: "stream"; message: Uint8Array } | { id: number; op: "close" };

export type FromDatabaseThread =
  | { type: "ready" }
  | { type: "failed"; name: string; message: string }
  | { type: "reply"; id: number; messages?: unknown[] }
  | { type: "error"; id: number; message: string };

/** A DatabaseError as it crosses threads: its fields, its message and a mark to revive it by. */
export interface ClonedDatabaseError {
  databaseError: true;
  message: string;
  length: number;
  [field: string]: unknown;
}

const port = parentPort;
if (!port) throw new Error("pglite-worker.ts runs as a worker thread");
const { dataDir } = workerData as { dataDir: string };

let pglite: PGlite;
try {
  pglite = openPGlite(dataDir);
  await pglite.waitReady;
  port.postMessage({ type: "ready" } satisfies FromDatabaseThread);
} catch (error) {
  // PGlite's wasm may throw what is not an Error (Emscripten's ExitStatus): keep its words.
  const { name = "Error", message = String(error) } = error instanceof Object ? (error as Partial<Error>) : {};
  port.postMessage({ type: "failed", name, message } satisfies FromDatabaseThread);
  process.exit(1);
}

port.on("message", (request: ToDatabaseThread) => {
  answer(request).then(
    (reply) => port.postMessage(reply),
    (error: unknown) =>
      port.postMessage({
        type: "error",
        id: request.id,
        message: error instanceof Error ? error.message : String(error),
      } satisfies FromDatabaseThread),
  );
});

async function answer(request: ToDatabaseThread): Promise<FromDatabaseThread> {
  if (request.op === "stream") {
    // SQL errors are answers, not failures: they go back among the messages for the client
    // half to throw, with every field (code, constraint…) a thrown error would lose here.
    const replies = await pglite.execProtocolStream(request.message, { syncToFs: false, throwOnError: false });
    return { type: "reply", id: request.id, messages: replies.map(cloneable) };
  }
  // A clean shutdown: postgres writes a checkpoint, so the next start needs no recovery.
  if (!pglite.closed) await pglite.close();
  setImmediate(() => port?.close());
  return { type: "reply", id: request.id };
}

function cloneable(message: messages.BackendMessage): unknown {
  if (!(message instanceof messages.DatabaseError)) return message;
  return { ...message, databaseError: true, message: message.message, length: message.length };
}
