import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import pg from "pg";
import { applyRemoteChange, type Change, onChange } from "./changes";
import { decodeChange, encodeChange } from "./relay-message";

/**
 * Carries the change bus between Keysmith instances sharing one PostgreSQL, with
 * LISTEN/NOTIFY: every local change is sent with NOTIFY (after its transaction commits,
 * through the pool), and one dedicated connection, outside the pool, LISTENs and publishes
 * the other instances' changes on this instance's bus; our own echo is ignored.
 *
 * PostgreSQL delivers a notification only to sessions listening when it is committed,
 * so whenever the listening connection is lost, changes may be missed. Then:
 * - "all" is published, at once and again once LISTEN is back (an entry cached during the
 *   gap may predate a change made during it);
 * - until then, `onTrust(false)` tells the caches to keep entries at most DEGRADED_TTL_MS.
 *   Bypassing the cache would send every verification to a database that may be
 *   struggling; a short lifetime bounds staleness by the same 250 ms promised for
 *   revocation while costing at most one read per key per window;
 * - the connection is re-opened with exponential backoff (with jitter, so that many
 *   instances do not reconnect in step), and a heartbeat notices a connection that died
 *   without a word (a half-open TCP connection would otherwise look healthy for ever).
 */
export const INVALIDATION_CHANNEL = "keysmith_invalidation";
/** Prefix of the listener's application_name in pg_stat_activity (then "<pid>@<host>"). */
export const LISTENER_APPLICATION_NAME = "keysmith-listener";
export const DEGRADED_TTL_MS = 200;

export interface RelayOptions {
  url: string;
  /** The application's pool, used to send NOTIFY. */
  pool: pg.Pool;
  /** false while changes may go unannounced (listener down), true once LISTEN is back. */
  onTrust: (trusted: boolean) => void;
  /** First reconnection delay; doubles up to maxRetryMs. */
  retryMs?: number;
  maxRetryMs?: number;
  heartbeatMs?: number;
}

export type RelayState = "connecting" | "listening" | "reconnecting" | "closed";

export interface RelayStats {
  /** Times the listener came back after losing its connection. */
  reconnects: number;
  received: number;
  published: number;
  publishFailures: number;
}

const PUBLISH_ATTEMPTS = 3;
/**
 * A heartbeat unanswered for this many intervals means the connection is gone. Generous:
 * on a saturated machine a healthy round trip was measured at up to 1.5 s, and a false
 * alarm costs a full cache reload.
 */
const HEARTBEAT_TIMEOUT_INTERVALS = 3;

export class PostgresRelay {
  /** Tells our own notifications apart from the other instances'. */
  readonly instanceId = randomBytes(9).toString("base64url");
  readonly stats: RelayStats = { reconnects: 0, received: 0, published: 0, publishFailures: 0 };
  private currentState: RelayState = "connecting";
  private client: pg.Client | null = null;
  private everListened = false;
  private attempt = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private pending = new Set<Promise<void>>();
  private unsubscribe: () => void = () => {};
  private readonly retryMs: number;
  private readonly maxRetryMs: number;
  private readonly heartbeatMs: number;

  constructor(private readonly options: RelayOptions) {
    this.retryMs = options.retryMs ?? 100;
    this.maxRetryMs = options.maxRetryMs ?? 5_000;
    this.heartbeatMs = options.heartbeatMs ?? 5_000;
  }

  get state(): RelayState {
    return this.currentState;
  }

  /** Starts forwarding, and resolves after the first connection attempt (retries go on behind). */
  async start(): Promise<void> {
    this.unsubscribe = onChange((change, origin) => {
      if (origin === "local") this.track(this.publish(change));
    });
    this.distrust();
    await this.connect();
  }

  async close(): Promise<void> {
    this.currentState = "closed";
    this.unsubscribe();
    this.stopTimers();
    // Changes made just before shutdown still reach the others: the pool closes after this.
    await Promise.allSettled([...this.pending]);
    const client = this.client;
    this.client = null;
    if (client) await client.end().catch(() => {});
  }

  private async connect(): Promise<void> {
    if (this.currentState === "closed") return;
    const client = new pg.Client({
      connectionString: this.options.url,
      application_name: `${LISTENER_APPLICATION_NAME} ${process.pid}@${hostname()}`.slice(0, 63),
      keepAlive: true,
      connectionTimeoutMillis: 5_000,
    });
    this.client = client;
    client.on("notification", (message) => this.receive(message));
    client.on("error", (error) => this.lost(client, error));
    client.on("end", () => this.lost(client, new Error("connection ended")));
    try {
      await client.connect();
      await client.query(`LISTEN ${INVALIDATION_CHANNEL}`);
    } catch (error) {
      this.lost(client, error as Error);
      return;
    }
    if (this.client !== client) return;
    if (this.everListened) {
      this.stats.reconnects++;
      console.log("[keysmith] invalidation listener reconnected; key cache cleared");
    }
    this.everListened = true;
    this.attempt = 0;
    this.currentState = "listening";
    // From here on every change reaches us; whatever was cached before may have missed one.
    this.options.onTrust(true);
    applyRemoteChange({ type: "all" });
    this.startHeartbeat(client);
  }

  private lost(client: pg.Client, error: Error): void {
    if (this.client !== client) return;
    this.client = null;
    this.stopTimers();
    // A closed client may still emit errors; they are expected now.
    client.on("error", () => {});
    client.end().catch(() => {});
    if (this.currentState === "closed") return;
    if (this.currentState === "listening") {
      console.error(`[keysmith] invalidation listener lost (${error.message}); key cache cleared, reconnecting`);
    }
    this.currentState = "reconnecting";
    this.distrust();
    const delay = Math.min(this.maxRetryMs, this.retryMs * 2 ** this.attempt++) * (0.5 + Math.random() / 2);
    this.retryTimer = setTimeout(() => void this.connect(), delay);
    this.retryTimer.unref();
  }

  /** Until LISTEN is back, changes made elsewhere may go unannounced. */
  private distrust(): void {
    this.options.onTrust(false);
    applyRemoteChange({ type: "all" });
  }

  private receive(message: pg.Notification): void {
    if (message.channel !== INVALIDATION_CHANNEL || !message.payload) return;
    const decoded = decodeChange(message.payload);
    if (!decoded) {
      console.error("[keysmith] ignored an unreadable invalidation notification");
      return;
    }
    if (decoded.origin === this.instanceId) return; // our own echo: applied locally already
    this.stats.received++;
    applyRemoteChange(decoded.change);
  }

  private async publish(change: Change): Promise<void> {
    const payload = encodeChange(this.instanceId, change);
    for (let attempt = 1; ; attempt++) {
      try {
        await this.options.pool.query("SELECT pg_notify($1, $2)", [INVALIDATION_CHANNEL, payload]);
        this.stats.published++;
        return;
      } catch (error) {
        if (attempt >= PUBLISH_ATTEMPTS) {
          this.stats.publishFailures++;
          // Other instances keep the entry until their TTL (or their own reconnect) drops it.
          console.error(
            `[keysmith] could not notify other instances of a ${change.type} change:`,
            (error as Error).message,
          );
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
      }
    }
  }

  private track(promise: Promise<void>): void {
    this.pending.add(promise);
    void promise.finally(() => this.pending.delete(promise));
  }

  private startHeartbeat(client: pg.Client): void {
    let waiting = false;
    this.heartbeatTimer = setInterval(() => {
      if (waiting) return; // the previous one's own timeout decides
      waiting = true;
      const timeout = setTimeout(
        () => this.lost(client, new Error("heartbeat unanswered")),
        this.heartbeatMs * HEARTBEAT_TIMEOUT_INTERVALS,
      );
      timeout.unref();
      client.query("SELECT 1").then(
        () => {
          waiting = false;
          clearTimeout(timeout);
        },
        (error: Error) => {
          clearTimeout(timeout);
          this.lost(client, error);
        },
      );
    }, this.heartbeatMs);
    this.heartbeatTimer.unref();
  }

  private stopTimers(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    this.retryTimer = null;
    this.heartbeatTimer = null;
  }
}
