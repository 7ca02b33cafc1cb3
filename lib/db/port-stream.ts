import { Duplex } from "node:stream";
import type { MessagePort } from "node:worker_threads";

/**
 * A socket-like Duplex over a MessagePort, for pg.Client's `stream` option: what pg
 * writes in one tick (Parse, Bind, Describe, Execute, Sync) goes to the database thread as
 * one message, and each reply comes back as one chunk. The port keeps the process alive
 * only while a request is unanswered, as a socket with a query in flight would; an idle
 * connection does not stop a script or test run from exiting.
 */
export class PortStream extends Duplex {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private inFlight = 0;
  private readonly port: MessagePort;

  constructor(port: MessagePort) {
    super();
    this.port = port;
    port.on("message", (reply: Uint8Array) => {
      if (--this.inFlight === 0) port.unref();
      if (reply.byteLength) this.push(Buffer.from(reply.buffer, reply.byteOffset, reply.byteLength));
    });
    // The other end went away: the thread exited or closed the connection.
    port.on("close", () => this.push(null));
    port.unref();
  }

  /** pg calls connect(port, host) on a socket; there is nothing to dial. */
  connect(): this {
    process.nextTick(() => this.emit("connect"));
    return this;
  }

  setNoDelay(): this {
    return this;
  }

  setKeepAlive(): this {
    return this;
  }

  ref(): this {
    return this;
  }

  unref(): this {
    return this;
  }

  override _read(): void {}

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    if (this.pending.length === 0) queueMicrotask(() => this.flush());
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    callback();
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.flush();
    this.port.close();
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.port.close();
    callback(error);
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    // A fresh buffer of exactly these bytes: transferring a view would move (and detach)
    // whatever else shares its ArrayBuffer, such as Node's pooled small buffers.
    const out = new Uint8Array(this.pendingBytes);
    let offset = 0;
    for (const chunk of this.pending) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    this.pending = [];
    this.pendingBytes = 0;
    if (this.inFlight++ === 0) this.port.ref();
    this.port.postMessage(out, [out.buffer]);
  }
}
