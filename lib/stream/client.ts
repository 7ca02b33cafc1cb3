import type { WebSocket } from "ws";
import { ApiError } from "../api/errors";
import type { AuditEvent } from "../generated/prisma/client";
import { authenticateStream, type StreamAuthRequest, type StreamCredential } from "./credential";
import { type PreparedEvent, prepareEvent, visibleForm } from "./events";
import type { StreamHub } from "./hub";
import { CLOSE, type ClientMessage, clientMessageSchema, RESUME_LIMIT, type StreamEventName } from "./protocol";

/** What the upgrade request said about the client, before it authenticates. */
export type StreamHandshake = Omit<StreamAuthRequest, "workspaceHint"> & { workspaceHint: string | null };

type State = "waiting" | "authenticating" | "open" | "closed";

/**
 * One connected client: authenticates with its first message, then receives its workspace's
 * events, filtered by what its credential may read and what it subscribed to.
 */
export class StreamClient {
  credential: StreamCredential | null = null;
  /** Answered the last ping: checked (and reset) by the hub's heartbeat. */
  alive = true;
  private state: State = "waiting";
  private subscription: ReadonlySet<StreamEventName> | null = null;
  /** Live events held back while a resume replays the past, so that order is kept. */
  private held: PreparedEvent[] | null = null;
  private expiryTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly socket: WebSocket,
    private readonly hub: StreamHub,
    private readonly handshake: StreamHandshake,
  ) {
    socket.on("message", (data, isBinary) => void this.receive(isBinary ? null : data.toString()));
    socket.on("pong", () => {
      this.alive = true;
    });
  }

  get authenticated(): boolean {
    return this.state === "open";
  }

  get bufferedAmount(): number {
    return this.socket.bufferedAmount;
  }

  ping(): void {
    this.alive = false;
    this.socket.ping();
  }

  /** Sends a live event, unless the client may not see it or did not subscribe to it. */
  deliver(event: PreparedEvent): void {
    if (this.state !== "open") return;
    if (this.held) {
      this.held.push(event);
      return;
    }
    this.sendEvent(event);
  }

  /** Applies a re-checked credential: narrower scopes, or none (disconnected). */
  reauthorize(scopes: ReadonlySet<string> | null): void {
    if (!this.credential || this.state !== "open") return;
    if (scopes === null) {
      this.hub.stats.dropped.access++;
      this.close(CLOSE.forbidden, "Access lost");
      return;
    }
    this.credential = { ...this.credential, scopes };
  }

  close(code: number, reason: string): void {
    if (this.state === "closed") return;
    this.state = "closed";
    this.clearExpiry();
    this.socket.close(code, reason);
    // A client that does not read never answers the close frame: do not wait for it.
    setTimeout(() => this.socket.terminate(), 1_000).unref();
  }

  /** Called by the hub once the socket is gone. */
  closed(): void {
    this.state = "closed";
    this.clearExpiry();
  }

  terminate(): void {
    this.state = "closed";
    this.clearExpiry();
    this.socket.terminate();
  }

  private async receive(text: string | null): Promise<void> {
    if (this.state === "closed") return;
    const message = parse(text);
    if (message instanceof ApiError) {
      if (this.state === "waiting") return this.refuse(message);
      this.send(JSON.stringify({ type: "error", code: message.code, message: message.message }));
      return;
    }
    if (this.state === "waiting") {
      if (message.type !== "auth") {
        return this.refuse(new ApiError("UNAUTHORIZED", 'Authenticate first: send {"type":"auth"}'));
      }
      return this.authenticate(message);
    }
    if (this.state === "authenticating") {
      this.send(error("VALIDATION_FAILED", "Wait for auth.success before sending more"));
      return;
    }
    switch (message.type) {
      case "auth":
        this.send(error("VALIDATION_FAILED", "Already authenticated"));
        return;
      case "ping":
        this.send('{"type":"pong"}');
        return;
      case "subscribe":
        this.subscription = new Set(message.events);
        this.send(JSON.stringify({ type: "subscribed", events: [...this.subscription] }));
        return;
      case "resume":
        await this.resume(message.after);
        return;
    }
  }

  private async authenticate(message: Extract<ClientMessage, { type: "auth" }>): Promise<void> {
    this.state = "authenticating";
    try {
      const credential = await authenticateStream(this.hub.runtime, {
        ...this.handshake,
        token: message.token ?? this.handshake.token,
        workspaceHint: message.workspaceId ?? this.handshake.workspaceHint,
      });
      if (this.state !== "authenticating") return; // closed meanwhile
      this.credential = credential;
      this.state = "open";
      this.hub.joined(this, credential.workspaceId);
      this.scheduleExpiry(credential.expiresAt);
      this.send(
        JSON.stringify({
          type: "auth.success",
          message: "Authenticated successfully",
          workspaceId: credential.workspaceId,
          scopes: [...credential.scopes],
        }),
      );
    } catch (caught) {
      if (this.state !== "authenticating") return;
      if (!(caught instanceof ApiError))
        console.error("[keysmith] event stream sign-in failed:", (caught as Error).message);
      this.refuse(caught instanceof ApiError ? caught : new ApiError("UNAUTHORIZED", "Could not authenticate"));
    }
  }

  private refuse(reason: ApiError): void {
    this.send(
      JSON.stringify({
        type: "auth.error",
        code: reason.code === "FORBIDDEN" ? "FORBIDDEN" : "UNAUTHORIZED",
        message: reason.message,
      }),
    );
    this.close(CLOSE.unauthorized, "Unauthorized");
  }

  /** Replays the workspace's events after `after` (bounded), then whatever arrived meanwhile. */
  private async resume(after: string): Promise<void> {
    const credential = this.credential;
    if (!credential || this.held) {
      this.send(error("VALIDATION_FAILED", "A resume is already under way"));
      return;
    }
    this.held = [];
    let replayed: AuditEvent[] | null = null;
    try {
      replayed = await this.hub.eventsAfter(credential.workspaceId, after, RESUME_LIMIT + 1);
    } catch (caught) {
      console.error("[keysmith] event stream resume failed:", (caught as Error).message);
    }
    const sent = new Set<string>();
    if (replayed === null) {
      this.send(
        error(
          "RESUME_UNAVAILABLE",
          "That event is unknown here (or too old): resynchronise, then resume from a new one",
        ),
      );
    } else {
      const complete = replayed.length <= RESUME_LIMIT;
      for (const row of replayed.slice(0, RESUME_LIMIT)) {
        const event = prepareEvent(row);
        if (event && this.sendEvent(event)) sent.add(event.id);
      }
      this.send(JSON.stringify({ type: "resumed", after, count: sent.size, complete }));
    }
    const held = this.held;
    this.held = null;
    for (const event of held) if (!sent.has(event.id)) this.sendEvent(event);
  }

  private sendEvent(event: PreparedEvent): boolean {
    if (!this.credential) return false;
    if (this.subscription && !this.subscription.has(event.name)) return false;
    const form = visibleForm(event, this.credential.scopes);
    if (form === null) return false;
    if (!this.send(form)) return false;
    this.hub.stats.eventsSent++;
    return true;
  }

  /**
   * Writes unless the client's backlog is already past the bound: then it is closed (4429).
   * What waits for one client is thus at most the bound plus one message.
   */
  private send(text: string): boolean {
    if (this.socket.readyState !== this.socket.OPEN) return false;
    if (this.socket.bufferedAmount > this.hub.options.maxBufferBytes) {
      this.hub.stats.dropped.slow++;
      this.close(CLOSE.tooSlow, "Too slow: events were not read");
      return false;
    }
    this.socket.send(text);
    return true;
  }

  private scheduleExpiry(expiresAt: number | null): void {
    if (expiresAt === null) return;
    const delay = expiresAt - this.hub.runtime.now().getTime();
    // setTimeout cannot wait longer than ~24.8 days; a re-check on any change covers the rest.
    if (delay > 2 ** 31 - 1) return;
    this.expiryTimer = setTimeout(() => this.reauthorize(null), Math.max(0, delay));
    this.expiryTimer.unref();
  }

  private clearExpiry(): void {
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    this.expiryTimer = null;
  }
}

function parse(text: string | null): ClientMessage | ApiError {
  if (text === null) return new ApiError("VALIDATION_FAILED", "Messages are JSON text");
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return new ApiError("VALIDATION_FAILED", "Messages are JSON text");
  }
  const parsed = clientMessageSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") || "type";
    return new ApiError("VALIDATION_FAILED", `${field}: ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}

function error(code: string, message: string): string {
  return JSON.stringify({ type: "error", code, message });
}
