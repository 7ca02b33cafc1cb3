import { otherMethods } from "@/lib/api/other-methods";
import { CLIENT_IP_HEADER } from "@/lib/auth/client-ip";
import { withErrors } from "@/lib/auth/with-auth";
import { config } from "@/lib/config";
import { checkMetricsAccess } from "@/lib/metrics/access";
import { nodeGaugeLines } from "@/lib/metrics/node-gauges";
import { streamStats } from "@/lib/stream/stats";

/**
 * Prometheus text format: counts only, nothing about any key or user. The Node process gauges
 * (event-loop delay, memory) follow prom-client; the event-loop histogram is reset by every
 * scrape, so it describes the interval since the previous one (have one scraper).
 */
export const GET = withErrors(async (req, runtime) => {
  checkMetricsAccess(
    req.headers.get(CLIENT_IP_HEADER),
    req.headers.get("authorization"),
    config().KEYSMITH_METRICS_TOKEN,
  );
  const m = runtime.metrics;
  const v = runtime.verifier.counts;
  const relay = runtime.relay;
  const relayLines = relay
    ? [
        ["keysmith_invalidation_listener_up", "gauge", relay.state === "listening" ? 1 : 0],
        ["keysmith_invalidation_listener_reconnects_total", "counter", relay.stats.reconnects],
        ["keysmith_invalidations_received_total", "counter", relay.stats.received],
        ["keysmith_invalidations_published_total", "counter", relay.stats.published],
        ["keysmith_invalidation_publish_failures_total", "counter", relay.stats.publishFailures],
      ]
    : [];
  const lines = [
    ["keysmith_verify_requests_total", "counter", m.verifyRequests],
    ["keysmith_key_cache_hits_total", "counter", v.keyCacheHits],
    ["keysmith_key_cache_misses_total", "counter", v.keyCacheMisses],
    ["keysmith_key_cache_entries", "gauge", runtime.keyCache.size],
    ["keysmith_key_index_entries", "gauge", runtime.keyIndex.size],
    ["keysmith_key_lookups_total", "counter", v.keyLookups],
    ["keysmith_unknown_keys_refused_total", "counter", v.unknownKeysRefused],
    ["keysmith_lookup_budget_refusals_total", "counter", v.budgetRefusals],
    ["keysmith_db_queries_total", "counter", m.dbQueries],
    // Statements that only read (key lookups on cache misses, sessions, lists); the usage flush is a write.
    ["keysmith_db_reads_total", "counter", m.dbQueries - m.dbWrites],
    ["keysmith_db_writes_total", "counter", m.dbWrites],
    ...relayLines,
    ...streamLines(),
  ].flatMap(([name, type, value]) => [`# TYPE ${name} ${type}`, `${name} ${value}`]);
  return new Response(`${[...lines, ...nodeGaugeLines()].join("\n")}\n`, {
    headers: { "content-type": "text/plain; version=0.0.4" },
  });
});

/** The event stream's clients (a gauge), what they were sent, and those the server closed. */
function streamLines(): [string, string, number][] {
  const s = streamStats();
  return [
    ["keysmith_ws_connections", "gauge", s.connections],
    ["keysmith_ws_authenticated_connections", "gauge", s.authenticated],
    ["keysmith_ws_buffered_bytes", "gauge", s.bufferedBytes()],
    ["keysmith_ws_events_sent_total", "counter", s.eventsSent],
    ...Object.entries(s.dropped).map(([reason, value]): [string, string, number] => [
      `keysmith_ws_dropped_total{reason="${reason}"}`,
      "counter",
      value,
    ]),
  ];
}

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
