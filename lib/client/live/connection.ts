import { type LiveEvent, parseServerMessage } from "./protocol";

/**
 * connecting: the first attempt; live: authenticated and receiving events; reconnecting:
 * the stream dropped and the next attempt is close; offline: several attempts failed (or
 * the browser is offline, or the server refused us) and the page polls until it is back.
 */
export type LiveState = "connecting" | "live" | "reconnecting" | "offline";

/** The parts of the browser's WebSocket this client uses (a fake one in unit tests). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export interface LiveConnectionOptions {
  url: string;
  /** The workspace whose events this tab wants (id or slug). */
  workspaceId: string;
  /** `replayed`: sent again after a reconnect, as part of a resume. */
  onEvent: (event: LiveEvent, replayed: boolean) => void;
  onState: (state: LiveState) => void;
  /** Changes may have been missed (no complete replay after a reconnect): refetch what is shown. */
  onResync: () => void;
  createSocket?: (url: string) => SocketLike;
  random?: () => number;
}

const OPEN = 1;
/** Failed attempts in a row before the indicator says offline (polling starts as soon as the stream drops). */
export const OFFLINE_AFTER_FAILURES = 2;
export const AUTH_TIMEOUT_MS = 10_000;
export const HEARTBEAT_MS = 25_000;
export const PONG_TIMEOUT_MS = 10_000;
/** After the server refused the session (4401) or took access away (4403): no hurry to try again. */
export const REFUSED_RETRY_MS = 30_000;
const MAX_BACKOFF_MS = 30_000;
const SEEN_IDS = 500;

/** The wait before attempt `failures` (1, 2, …): 0.5 s doubling to 30 s, with jitter so tabs do not reconnect in step. */
export function backoffMs(failures: number, random = Math.random): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, 500 * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling * (0.5 + random() / 2));
}

/**
 * One tab's connection to the event stream: authenticates with the session, reconnects
 * with backoff, and after a reconnect asks for what it missed (`resume` after the last
 * event id). Framework-free so that its state machine is unit-tested on its own.
 */
export class LiveConnection {
  private socket: SocketLike | null = null;
  private state: LiveState = "connecting";
  private failures = 0;
  private connectedBefore = false;
  private replaying = false;
  private stopped = false;
  private lastEventId: string | null = null;
  private readonly seen = new Set<string>();
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private authTimer: ReturnType<typeof setTimeout> | undefined;
  private heartbeatTimer: ReturnType<typeof setInterval> | undefined;
  private pongTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: LiveConnectionOptions) {}

  get current(): LiveState {
    return this.state;
  }

  start(): void {
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.detach()?.close(1000, "page closed");
  }

  /** Try now rather than after the backoff (the browser came back online, or the user asked). */
  reconnectNow(): void {
    if (this.stopped || this.state === "live") return;
    // An attempt still hanging (offline, a proxy holding it) is abandoned for a fresh one.
    this.detach()?.close();
    clearTimeout(this.retryTimer);
    this.connect();
  }

  /** The browser lost its network: no socket can work, so say so at once instead of waiting for timeouts. */
  wentOffline(): void {
    if (this.stopped) return;
    this.detach()?.close();
    this.failures = Math.max(this.failures, OFFLINE_AFTER_FAILURES);
    this.setState("offline");
    // The "online" event brings it back at once (reconnectNow); this is in case it never fires.
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.connect(), REFUSED_RETRY_MS);
  }

  private connect(): void {
    const create = this.options.createSocket ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
    let socket: SocketLike;
    try {
      socket = create(this.options.url);
    } catch {
      this.failed(1006);
      return;
    }
    this.socket = socket;
    socket.onopen = () => socket.send(JSON.stringify({ type: "auth", workspaceId: this.options.workspaceId }));
    socket.onmessage = (message) => this.receive(message.data);
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.detach();
      this.failed(event.code);
    };
    socket.onerror = () => {}; // a close event always follows
    this.authTimer = setTimeout(() => this.drop(4408), AUTH_TIMEOUT_MS);
  }

  private receive(raw: unknown): void {
    const message = parseServerMessage(raw);
    if (!message) return;
    switch (message.type) {
      case "auth.success":
        this.authenticated();
        return;
      case "event":
        if (this.seen.has(message.id)) return;
        this.remember(message.id);
        this.lastEventId = message.id;
        this.options.onEvent(message, this.replaying);
        return;
      case "resumed":
        this.replaying = false;
        if (!message.complete) this.options.onResync();
        return;
      case "error":
        if (message.code === "RESUME_UNAVAILABLE") {
          this.replaying = false;
          this.options.onResync();
        }
        return;
      case "pong":
        clearTimeout(this.pongTimer);
        return;
    }
  }

  private authenticated(): void {
    clearTimeout(this.authTimer);
    this.failures = 0;
    const reconnected = this.connectedBefore;
    this.connectedBefore = true;
    this.setState("live");
    this.heartbeatTimer = setInterval(() => this.ping(), HEARTBEAT_MS);
    if (!reconnected) return;
    // Back after a drop: replay what was missed, or (nothing to resume from) refetch.
    if (this.lastEventId) {
      this.replaying = true;
      this.send({ type: "resume", after: this.lastEventId });
    } else {
      this.options.onResync();
    }
  }

  /** A connection that stopped answering (a sleeping laptop, a dead proxy) is dropped rather than trusted. */
  private ping(): void {
    this.send({ type: "ping" });
    clearTimeout(this.pongTimer);
    this.pongTimer = setTimeout(() => this.drop(4000), PONG_TIMEOUT_MS);
  }

  private send(message: object): void {
    if (this.socket?.readyState === OPEN) this.socket.send(JSON.stringify(message));
  }

  private drop(code: number): void {
    const socket = this.detach();
    if (!socket) return;
    socket.close();
    this.failed(code);
  }

  /** Stops listening to the current socket and its timers; returns it for closing. */
  private detach(): SocketLike | null {
    const socket = this.socket;
    this.socket = null;
    clearTimeout(this.authTimer);
    clearTimeout(this.pongTimer);
    clearInterval(this.heartbeatTimer);
    this.replaying = false;
    if (socket) {
      socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
    }
    return socket;
  }

  private failed(code: number): void {
    if (this.stopped) return;
    this.failures += 1;
    const refused = code === 4401 || code === 4403;
    this.setState(refused || this.failures >= OFFLINE_AFTER_FAILURES ? "offline" : "reconnecting");
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(
      () => this.connect(),
      refused ? REFUSED_RETRY_MS : backoffMs(this.failures, this.options.random),
    );
  }

  private remember(id: string): void {
    this.seen.add(id);
    if (this.seen.size > SEEN_IDS) this.seen.delete(this.seen.values().next().value as string);
  }

  private setState(state: LiveState): void {
    if (state === this.state) return;
    this.state = state;
    this.options.onState(state);
  }
}

/** The stream's address on this page's origin (ws: for http:, wss: for https:). */
export const streamUrl = (origin: string) => `${origin.replace(/^http/, "ws")}/api/v1/ws`;
