import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { type ExecProtocolOptions, type ExecProtocolResult, Mutex, messages, PGlite } from "@electric-sql/pglite";
import type { ClonedDatabaseError, FromDatabaseThread, ToDatabaseThread } from "./pglite-worker";

type ClientHalf = Pick<
  PGlite,
  "query" | "sql" | "exec" | "transaction" | "describeQuery" | "runExclusive" | "_initArrayTypes"
>;

/**
 * PGlite's client half: statement building, parameter serialisation, transactions and
 * result parsing. The package does not export it by name; PGlite (and its browser worker
 * client) extend it and supply the wire-protocol exchange, as PGliteThread does.
 */
const BasePGlite = Object.getPrototypeOf(PGlite) as abstract new () => ClientHalf;

/**
 * The embedded database with PostgreSQL in its own worker thread (pglite-worker.ts): a
 * drop-in PGlite for the Prisma adapter and the migration runner, whose queries hold the
 * server's event loop only to build and parse messages. If the thread dies, every pending
 * and later call fails with one error naming the cause: no query waits forever.
 */
export class PGliteThread extends BasePGlite {
  readonly debug = 0;
  /** Open and ready for queries (PGlite's array types read). */
  readonly waitReady: Promise<void>;
  /** The thread has opened the database. */
  private readonly opened: Promise<void>;
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (reply: unknown[]) => void; reject: (error: Error) => void }>();
  private readonly queryMutex = new Mutex();
  private readonly transactionMutex = new Mutex();
  private whenOpen: { resolve: () => void; reject: (error: Error) => void } | null = null;
  private nextId = 1;
  /** Messages not sent yet (see execProtocolStream). */
  private readonly held: Uint8Array[] = [];
  private failure: Error | null = null;
  private isOpen = false;
  private closing = false;

  constructor(dataDir: string) {
    super();
    this.worker = new Worker(WORKER_FILE, { workerData: { dataDir }, execArgv: [] });
    this.opened = this.start();
    this.waitReady = this.opened.then(() => this._initArrayTypes());
    // Callers await waitReady; this keeps an unobserved failure from ending the process.
    this.waitReady.catch(() => {});
  }

  get closed(): boolean {
    return this.closing || this.failure !== null;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closing = true;
    await this.call({ op: "close" }).catch(() => {});
    await this.worker.terminate();
  }

  /**
   * PGlite's client half sends each message of a statement (Parse, Describe, Bind, Execute,
   * Sync) as its own exchange and awaits each. Only two replies are read before the next
   * message is built: the statement's Describe (for the parameter types) and Sync's. The
   * others are held and sent with the next of those two, so a statement costs two trips to
   * the thread instead of six; their replies, errors included, come back with that trip's,
   * in order, inside the same try/finally of the client half.
   */
  async execProtocolStream(
    message: Uint8Array,
    { throwOnError = true, onNotice }: ExecProtocolOptions = {},
  ): Promise<messages.BackendMessage[]> {
    this.held.push(message);
    if (!readsReply(message)) return [];
    // A buffer of our own (some messages, such as Sync, are constants the caller reuses):
    // transferring it to the thread detaches nothing the caller still holds.
    const exchange = concat(this.held.splice(0));
    const replies = (await this.call({ op: "stream", message: exchange }, [exchange.buffer as ArrayBuffer])).map(
      revive,
    );
    for (const reply of replies) {
      if (throwOnError && reply instanceof messages.DatabaseError) throw reply;
      if (reply.name === "notice") onNotice?.(reply as messages.NoticeMessage);
    }
    return replies;
  }

  async execProtocol(message: Uint8Array, options: ExecProtocolOptions = {}): Promise<ExecProtocolResult> {
    return { messages: await this.execProtocolStream(message, options), data: new Uint8Array(0) };
  }

  execProtocolRaw(): Promise<Uint8Array> {
    return Promise.reject(new Error("raw wire-protocol exchange is not offered by the database thread"));
  }

  /**
   * Keysmith's data folders are PGlite's NodeFS or memory://, which write straight through:
   * PGlite's own sync is empty for both, so there is nothing to ask the thread for.
   */
  async syncToFs(): Promise<void> {}

  listen(): Promise<never> {
    return Promise.reject(new Error("LISTEN is not offered by the embedded database"));
  }

  async _handleBlob(blob?: Blob): Promise<void> {
    if (blob) throw new Error("COPY to or from a blob is not offered by the database thread");
  }

  async _getWrittenBlob(): Promise<undefined> {
    return undefined;
  }

  async _cleanupBlob(): Promise<void> {}

  async _checkReady(): Promise<void> {
    await this.opened;
  }

  _runExclusiveQuery<T>(fn: () => Promise<T>): Promise<T> {
    return this.queryMutex.runExclusive(fn);
  }

  _runExclusiveTransaction<T>(fn: () => Promise<T>): Promise<T> {
    return this.transactionMutex.runExclusive(fn);
  }

  private async start(): Promise<void> {
    const opened = new Promise<void>((resolve, reject) => {
      this.whenOpen = { resolve, reject };
    });
    this.worker.on("message", (message: FromDatabaseThread) => this.receive(message));
    this.worker.on("error", (error) => this.fail(error));
    this.worker.on("exit", (code) => this.fail(new Error(`it exited with code ${code}`)));
    await opened;
    // Idle, the thread does not keep the process alive; a call in flight does (see call()).
    this.worker.unref();
  }

  private receive(message: FromDatabaseThread): void {
    if (message.type === "ready") {
      this.isOpen = true;
      this.whenOpen?.resolve();
    } else if (message.type === "failed") {
      this.fail(Object.assign(new Error(message.message), { name: message.name }));
    } else {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (this.pending.size === 0) this.worker.unref();
      if (message.type === "error") waiting.reject(new Error(message.message));
      else waiting.resolve(message.messages ?? []);
    }
  }

  private fail(cause: Error): void {
    if (this.failure) return;
    if (this.closing) this.failure = new Error("the embedded database is closed");
    // Opening failed: the caller reports it in PGlite's own words (lib/db/open-error.ts).
    else if (!this.isOpen) this.failure = cause;
    else {
      this.failure = new Error(`the embedded database thread failed: ${cause.message}`, { cause });
      console.error(`[keysmith] ${this.failure.message}`);
    }
    this.whenOpen?.reject(this.failure);
    for (const waiting of this.pending.values()) waiting.reject(this.failure);
    this.pending.clear();
  }

  private call(request: DistributiveOmit<ToDatabaseThread, "id">, transfer: ArrayBuffer[] = []): Promise<unknown[]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id }, transfer);
    });
  }
}

const SYNC = 0x53;
const DESCRIBE = 0x44;
const STATEMENT = 0x53;

/** Sync, or Describe of a statement: the messages whose replies the client half reads. */
function readsReply(message: Uint8Array): boolean {
  return message[0] === SYNC || (message[0] === DESCRIBE && message[5] === STATEMENT);
}

/** The messages, copied into one new buffer. */
function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Back to the DatabaseError PGlite would have thrown in this thread: its class is what callers test. */
function revive(message: unknown): messages.BackendMessage {
  const cloned = message as Partial<ClonedDatabaseError> & messages.BackendMessage;
  if (!cloned.databaseError) return cloned;
  const error = Object.assign(new messages.DatabaseError(cloned.message ?? "", cloned.length, "error"), cloned);
  delete (error as Partial<ClonedDatabaseError>).databaseError;
  return error;
}

/**
 * The worker beside this module, in its language: pglite-worker.ts when the server runs from
 * its sources (npm run dev, tests: Node strips the types), pglite-worker.mjs in the production
 * build (scripts/build-server.ts). Without the server's preloads, which are for its own
 * thread. Turbopack must not resolve the path itself: it would look the file up among its own
 * modules.
 */
const HERE = fileURLToPath(import.meta.url);
const WORKER_FILE = join(/*turbopackIgnore: true*/ dirname(HERE), `pglite-worker${extname(HERE)}`);
