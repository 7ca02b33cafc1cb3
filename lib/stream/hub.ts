import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import { type Change, onChange } from "../events/changes";
import type { AuditEvent } from "../generated/prisma/client";
import type { Runtime } from "../runtime";
import { StreamClient, type StreamHandshake } from "./client";
import { prepareEvent, STREAMED_ACTIONS } from "./events";
import { CLOSE, MAX_CLIENT_MESSAGE_BYTES } from "./protocol";
import { type StreamStats, streamStats } from "./stats";

export const STREAM_PATH = "/api/v1/ws";

export interface StreamOptions {
  authTimeoutMs: number;
  pingMs: number;
  /** Bytes that may wait for one client; past it the client is closed (4429). */
  maxBufferBytes: number;
}

/**
 * The event stream of one instance: its clients by workspace, fed from the change bus. An
 * audit event committed here or on another instance (through the PostgreSQL relay) arrives
 * as an "audit" change; it is read once and fanned out to that workspace's clients. Other
 * changes re-check the credentials they may have taken access from.
 */
export class StreamHub {
  readonly stats: StreamStats = streamStats();
  private readonly server = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_CLIENT_MESSAGE_BYTES,
    perMessageDeflate: false,
  });
  private readonly clients = new Set<StreamClient>();
  private readonly byWorkspace = new Map<string, Set<StreamClient>>();
  /** Audit events announced and not yet read, in order. */
  private pending: string[] = [];
  private draining = false;
  private heartbeat: NodeJS.Timeout | null = null;
  private unsubscribe: () => void = () => {};

  constructor(
    readonly runtime: Runtime,
    readonly options: StreamOptions,
  ) {
    this.stats.bufferedBytes = () => {
      let total = 0;
      for (const client of this.clients) total += client.bufferedAmount;
      return total;
    };
  }

  start(): void {
    this.unsubscribe = onChange((change) => this.onChange(change));
    this.heartbeat = setInterval(() => this.beat(), this.options.pingMs);
    this.heartbeat.unref();
  }

  /** Takes over an upgrade request for the stream's path. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, ip: string): void {
    const url = new URL(req.url ?? "/", "http://localhost");
    const handshake: StreamHandshake = {
      token: url.searchParams.get("token"),
      workspaceHint: url.searchParams.get("workspaceId"),
      cookie: req.headers.cookie ?? null,
      origin: req.headers.origin ?? null,
      ip,
      userAgent: req.headers["user-agent"]?.slice(0, 400) ?? null,
    };
    this.server.handleUpgrade(req, socket, head, (ws) => {
      const client = new StreamClient(ws, this, handshake);
      this.clients.add(client);
      this.stats.connections = this.clients.size;
      const timeout = setTimeout(() => {
        if (client.authenticated) return;
        this.stats.dropped.authTimeout++;
        client.close(CLOSE.authTimeout, "Authentication timed out");
      }, this.options.authTimeoutMs);
      timeout.unref();
      ws.on("close", () => {
        clearTimeout(timeout);
        client.closed();
        this.leave(client);
      });
      ws.on("error", () => client.terminate());
    });
  }

  joined(client: StreamClient, workspaceId: string): void {
    let set = this.byWorkspace.get(workspaceId);
    if (!set) {
      set = new Set();
      this.byWorkspace.set(workspaceId, set);
    }
    set.add(client);
    this.stats.authenticated++;
  }

  /** The workspace's streamed events after `eventId`, oldest first; null when it is unknown. */
  async eventsAfter(workspaceId: string, eventId: string, limit: number): Promise<AuditEvent[] | null> {
    const db = this.runtime.database.db;
    const anchor = await db.auditEvent.findFirst({ where: { id: eventId, workspaceId } });
    if (!anchor) return null;
    return db.auditEvent.findMany({
      where: {
        workspaceId,
        action: { in: STREAMED_ACTIONS },
        OR: [{ createdAt: { gt: anchor.createdAt } }, { createdAt: anchor.createdAt, id: { gt: anchor.id } }],
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: limit,
    });
  }

  /** Closes every client (1001: reconnect elsewhere and resume). */
  close(): void {
    this.unsubscribe();
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const client of this.clients) client.close(CLOSE.goingAway, "Server shutting down");
    this.server.close();
  }

  private leave(client: StreamClient): void {
    this.clients.delete(client);
    this.stats.connections = this.clients.size;
    const workspaceId = client.credential?.workspaceId;
    if (!workspaceId) return;
    const set = this.byWorkspace.get(workspaceId);
    if (set?.delete(client)) this.stats.authenticated--;
    if (set?.size === 0) this.byWorkspace.delete(workspaceId);
  }

  private onChange(change: Change): void {
    if (change.type === "audit") {
      if (!this.byWorkspace.has(change.workspaceId)) return; // no one here to tell
      this.pending.push(change.eventId);
      void this.drain();
      return;
    }
    if (change.type === "key-created") return;
    for (const client of this.affectedBy(change)) {
      client.credential?.recheck().then(
        (scopes) => client.reauthorize(scopes),
        (error: Error) => console.error("[keysmith] event stream access re-check failed:", error.message),
      );
    }
  }

  /** Clients whose access a change may have narrowed. */
  private *affectedBy(change: Exclude<Change, { type: "audit" | "key-created" }>): Iterable<StreamClient> {
    for (const client of this.clients) {
      const credential = client.credential;
      if (!credential || !client.authenticated) continue;
      if (
        change.type === "all" ||
        (change.type === "key" && credential.keyId === change.keyId) ||
        (change.type === "user" && credential.userId === change.userId) ||
        (change.type === "workspace" && credential.workspaceId === change.workspaceId)
      ) {
        yield client;
      }
    }
  }

  /** Reads announced events in batches and sends each, in the order they were announced. */
  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.pending.length > 0) {
        const ids = this.pending;
        this.pending = [];
        const rows = await this.runtime.database.db.auditEvent.findMany({ where: { id: { in: ids } } });
        const byId = new Map(rows.map((row) => [row.id, row]));
        for (const id of ids) {
          const row = byId.get(id);
          const event = row ? prepareEvent(row) : null;
          if (!event) continue;
          for (const client of this.byWorkspace.get(event.workspaceId) ?? []) client.deliver(event);
        }
      }
    } catch (error) {
      console.error("[keysmith] event stream could not read announced events:", (error as Error).message);
    } finally {
      this.draining = false;
    }
  }

  /** Pings every client; one that did not answer the previous ping is dropped. */
  private beat(): void {
    for (const client of this.clients) {
      if (!client.alive) {
        this.stats.dropped.heartbeat++;
        client.terminate();
        continue;
      }
      client.ping();
    }
  }
}
