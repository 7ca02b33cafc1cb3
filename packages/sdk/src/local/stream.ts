/**
 * Keysmith's event stream (`GET /api/v1/ws`) for the in-process verifier: authenticates
 * with the verifier key in the first message (never in the URL), narrows the events to those
 * that change verification, sends a ping every `pingMs` (the server's pong is how the
 * verifier knows it is still hearing everything), and reconnects with backoff after any
 * close. What to do with the events is the verifier's business (verifier.ts).
 */
export interface StreamEvent {
  id: string;
  event: string;
  at: string;
  workspaceId: string;
  data: { keyId?: string; newKeyId?: string; userId?: string; [field: string]: unknown };
}

export interface StreamHandlers {
  /** auth.success: the connection is up (events from now on arrive). */
  authenticated(workspaceId: string): void;
  event(event: StreamEvent): void;
  resumed(complete: boolean): void;
  /** The server cannot replay from the id given (RESUME_UNAVAILABLE). */
  resumeUnavailable(): void;
  /** Any message at all: the connection is alive. */
  heard(): void;
  /** The connection is gone (it will be retried). */
  down(reason: string): void;
}

/** What the verifier listens to: every change that alters what a key may do. */
export const VERIFIER_EVENTS = [
  "key.created",
  "key.updated",
  "key.rotated",
  "key.revoked",
  "key.expired",
  // A leak report revoked or disabled the key: asked of the server until its new entry is here.
  "key.leaked",
  "member.added",
  "member.role_changed",
  "member.removed",
  "workspace.updated",
];

export interface StreamOptions {
  url: string;
  token: string;
  workspaceId?: string;
  pingMs: number;
  /** A connection silent for this long is treated as dead and replaced. */
  silenceMs: number;
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

export class EventStream {
  private socket: WebSocket | null = null;
  private authenticated = false;
  private closed = false;
  private failures = 0;
  private lastHeardAt = 0;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  connects = 0;

  constructor(
    private readonly options: StreamOptions,
    private readonly on: StreamHandlers,
  ) {}

  get isUp(): boolean {
    return this.authenticated;
  }

  start(): void {
    if (this.closed || this.socket) return;
    this.connects++;
    const socket = new WebSocket(this.options.url);
    this.socket = socket;
    // A connection that never gets as far as auth.success (a dead path, a hung proxy) is replaced.
    const handshake = setTimeout(
      () => {
        if (this.socket !== socket || this.authenticated) return;
        this.lost(socket, "handshake timeout", 1006);
        socket.close();
      },
      Math.max(5_000, this.options.silenceMs),
    );
    (handshake as { unref?: () => void }).unref?.();
    socket.addEventListener("open", () => {
      const auth: Record<string, string> = { type: "auth", token: this.options.token };
      if (this.options.workspaceId) auth.workspaceId = this.options.workspaceId;
      socket.send(JSON.stringify(auth));
    });
    socket.addEventListener("message", (message) => this.receive(socket, message.data));
    socket.addEventListener("close", (event) => this.lost(socket, `closed ${event.code}`, event.code));
    // An error is always followed by a close.
    socket.addEventListener("error", () => {});
  }

  send(message: unknown): boolean {
    if (!this.authenticated || this.socket?.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(message));
    return true;
  }

  resume(after: string): boolean {
    return this.send({ type: "resume", after });
  }

  /** Drops the connection now (it is retried, unless closed); for tests and dead connections. */
  drop(): void {
    this.socket?.close();
  }

  close(): void {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.stopPing();
    this.socket?.close(1000);
  }

  private receive(socket: WebSocket, data: unknown): void {
    if (socket !== this.socket || typeof data !== "string") return;
    let message: { type?: string; [field: string]: unknown };
    try {
      message = JSON.parse(data);
    } catch {
      return;
    }
    this.lastHeardAt = Date.now();
    switch (message.type) {
      case "auth.success":
        this.authenticated = true;
        this.failures = 0;
        socket.send(JSON.stringify({ type: "subscribe", events: VERIFIER_EVENTS }));
        this.startPing(socket);
        this.on.heard();
        this.on.authenticated(String(message.workspaceId ?? ""));
        return;
      case "event":
        this.on.heard();
        this.on.event(message as unknown as StreamEvent);
        return;
      case "resumed":
        this.on.heard();
        this.on.resumed(message.complete === true);
        return;
      case "error":
        this.on.heard();
        if (message.code === "RESUME_UNAVAILABLE") this.on.resumeUnavailable();
        return;
      default:
        // pong, subscribed, auth.error (a close follows)
        this.on.heard();
    }
  }

  private lost(socket: WebSocket, reason: string, code: number): void {
    if (socket !== this.socket) return;
    this.socket = null;
    this.authenticated = false;
    this.stopPing();
    this.on.down(reason);
    if (this.closed) return;
    const { minBackoffMs = 100, maxBackoffMs = 5_000 } = this.options;
    // A refused credential will not start working in a few milliseconds: wait the longest.
    const ceiling =
      code === 4401 || code === 4403 ? maxBackoffMs : Math.min(maxBackoffMs, minBackoffMs * 2 ** this.failures);
    this.failures++;
    const wait = ceiling / 2 + Math.random() * (ceiling / 2);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.start();
    }, wait);
    (this.retryTimer as { unref?: () => void }).unref?.();
  }

  private startPing(socket: WebSocket): void {
    this.stopPing();
    this.pingTimer = setInterval(() => {
      if (Date.now() - this.lastHeardAt > this.options.silenceMs) {
        // Nothing heard, not even a pong: the connection is dead without having said so.
        socket.close();
        this.lost(socket, "silent", 1006);
        return;
      }
      if (socket.readyState === WebSocket.OPEN) socket.send('{"type":"ping"}');
    }, this.options.pingMs);
    (this.pingTimer as { unref?: () => void }).unref?.();
  }

  private stopPing(): void {
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = null;
  }
}
