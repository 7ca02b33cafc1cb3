import { RESOLUTION_MS } from "../../lib/metrics/event-loop";

/** Keysmith's GET /api/metrics, read as numbers by metric name (labels are not used). */
export type Metrics = Record<string, number>;

export async function scrape(baseUrl: string): Promise<Metrics> {
  const res = await fetch(`${baseUrl}/api/metrics`);
  if (!res.ok) throw new Error(`/api/metrics answered ${res.status}`);
  const metrics: Metrics = {};
  for (const line of (await res.text()).split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const [name, value] = line.split(" ");
    metrics[name] = Number(value);
  }
  return metrics;
}

/**
 * What the server did between two scrapes: its event-loop delay over the interval (the
 * histogram is reset by every scrape), its memory at the end, and what its counters added.
 */
export interface Interval {
  /** Milliseconds. */
  eventLoopP99: number;
  eventLoopMax: number;
  rssBytes: number;
  dbReads: number;
  dbWrites: number;
  verifications: number;
}

export function interval(before: Metrics, after: Metrics): Interval {
  const delta = (name: string) => after[name] - before[name];
  return {
    eventLoopP99: after.nodejs_eventloop_lag_p99_seconds * 1000,
    eventLoopMax: after.nodejs_eventloop_lag_max_seconds * 1000,
    rssBytes: after.process_resident_memory_bytes,
    dbReads: delta("keysmith_db_reads_total"),
    dbWrites: delta("keysmith_db_writes_total"),
    verifications: delta("keysmith_verify_requests_total"),
  };
}

export const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** How to read the event-loop columns, for the reports. */
export const LOOP_SAMPLING = `each sample is the time between ticks of a ${RESOLUTION_MS} ms timer, so an idle loop reads about ${RESOLUTION_MS} ms and a stall of B ms reads B to B + ${RESOLUTION_MS} ms`;
