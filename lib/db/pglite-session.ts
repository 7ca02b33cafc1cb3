import type { MessagePort } from "node:worker_threads";
import type { PGlite } from "@electric-sql/pglite";

/**
 * Serves one PostgreSQL wire-protocol connection from a MessagePort (see port-stream.ts)
 * on the worker's PGlite, which is a single session: the bytes a client sends are handed
 * to postgres as they are, complete messages at a time, and its answer goes back as one
 * chunk. Every chunk received gets exactly one reply, even an empty one, so the client
 * side knows when nothing is in flight. `run` serialises the work of every connection
 * and of closing.
 */
export function serveConnection(
  pglite: PGlite,
  port: MessagePort,
  run: <T>(task: () => Promise<T>) => Promise<T>,
): void {
  let buffered: Buffer = Buffer.alloc(0);
  let started = false;
  // Transaction status from the last ReadyForQuery: I idle, T in a transaction, E failed one.
  let status = "I";
  let ended = false;

  const end = () => {
    if (ended) return;
    ended = true;
    port.close();
    // The session outlives the connection: a transaction left open would block the next client.
    if (status !== "I") void run(() => rollback(pglite)).catch(() => {});
  };

  port.on("message", (chunk: Uint8Array) => {
    buffered = buffered.length ? Buffer.concat([buffered, chunk]) : Buffer.from(chunk);
    const { messages, rest, terminate } = splitMessages(buffered, started);
    buffered = rest;
    if (messages.length) started = true;
    void run(async () => {
      if (ended) return;
      const reply = messages.length
        ? (await pglite.execProtocol(messages, { throwOnError: false })).data
        : new Uint8Array(0);
      status = lastReadyStatus(reply) ?? status;
      // A copy of exactly the reply's bytes, so the transfer moves nothing else.
      const out = reply.byteOffset === 0 && reply.byteLength === reply.buffer.byteLength ? reply : reply.slice();
      port.postMessage(out, [out.buffer as ArrayBuffer]);
      if (terminate) end();
    }).catch(crash);
  });
  port.on("close", end);
}

/** Not an SQL error (those are answers): PGlite itself failed, and its state is lost. End the thread. */
function crash(error: unknown): void {
  queueMicrotask(() => {
    throw error;
  });
}

/**
 * Splits complete messages off the front of `data`. The first message of a connection
 * (StartupMessage) has no type byte. Terminate ('X') is not passed on: it would shut the
 * embedded postgres down, and the session must survive its clients.
 */
export function splitMessages(
  data: Buffer,
  started: boolean,
): { messages: Uint8Array; rest: Buffer; terminate: boolean } {
  let offset = 0;
  let end = 0;
  let terminate = false;
  while (data.length - offset >= 5) {
    const untyped = !started && offset === 0;
    const length = untyped ? data.readInt32BE(0) : 1 + data.readInt32BE(offset + 1);
    if (data.length - offset < length) break;
    if (!untyped && data[offset] === 0x58) {
      terminate = true;
      break;
    }
    offset += length;
    end = offset;
  }
  return { messages: data.subarray(0, end), rest: terminate ? Buffer.alloc(0) : data.subarray(end), terminate };
}

/** The status byte of a reply's trailing ReadyForQuery ('Z', length 5), if it ends with one. */
function lastReadyStatus(reply: Uint8Array): string | undefined {
  const at = reply.length - 6;
  if (at < 0 || reply[at] !== 0x5a || reply[at + 4] !== 5) return undefined;
  return String.fromCharCode(reply[at + 5]);
}

/** Sync (ends an errored extended-protocol exchange), then ROLLBACK as a simple query. */
async function rollback(pglite: PGlite): Promise<void> {
  const sql = Buffer.from("ROLLBACK\0");
  const query = Buffer.alloc(5 + sql.length);
  query.write("Q", 0);
  query.writeInt32BE(4 + sql.length, 1);
  sql.copy(query, 5);
  await pglite.execProtocol(Buffer.concat([Buffer.from([0x53, 0, 0, 0, 4]), query]), { throwOnError: false });
}
