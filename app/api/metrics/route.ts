import { getRuntime } from "@/lib/runtime";

/** Prometheus text format: counts only, nothing about any key or user. */
export async function GET(): Promise<Response> {
  const runtime = await getRuntime();
  const m = runtime.metrics;
  const lines = [
    ["keysmith_verify_requests_total", "counter", m.verifyRequests],
    ["keysmith_key_cache_hits_total", "counter", m.keyCacheHits],
    ["keysmith_key_cache_misses_total", "counter", m.keyCacheMisses],
    ["keysmith_key_cache_entries", "gauge", runtime.keyCache.size],
    ["keysmith_db_queries_total", "counter", m.dbQueries],
    ["keysmith_db_writes_total", "counter", m.dbWrites],
  ].flatMap(([name, type, value]) => [`# TYPE ${name} ${type}`, `${name} ${value}`]);
  return new Response(`${lines.join("\n")}\n`, { headers: { "content-type": "text/plain; version=0.0.4" } });
}
