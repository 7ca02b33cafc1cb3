/**
 * The event stream's counters, for /api/metrics. On globalThis because server.ts runs the
 * stream and Next's bundled metrics route reads it.
 */
export interface StreamStats {
  connections: number;
  authenticated: number;
  eventsSent: number;
  /** Clients closed by the server, by reason. */
  dropped: { slow: number; heartbeat: number; access: number; authTimeout: number };
  /** Bytes waiting to be written to all clients, read when scraped. */
  bufferedBytes: () => number;
}

const STATS = Symbol.for("keysmith.stream.stats");
type Holder = typeof globalThis & { [STATS]?: StreamStats };

export function streamStats(): StreamStats {
  const holder = globalThis as Holder;
  holder[STATS] ??= {
    connections: 0,
    authenticated: 0,
    eventsSent: 0,
    dropped: { slow: 0, heartbeat: 0, access: 0, authTimeout: 0 },
    bufferedBytes: () => 0,
  };
  return holder[STATS];
}
