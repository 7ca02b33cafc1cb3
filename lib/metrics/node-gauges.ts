import { readEventLoopDelay } from "./event-loop";

/**
 * The process gauges operators expect of a Node service, with prom-client's names, units
 * and help texts, in Prometheus text format. Reading them resets the event-loop histogram.
 */
export function nodeGaugeLines(): string[] {
  const delay = readEventLoopDelay();
  const gauges: [name: string, help: string, value: number][] = [
    ["nodejs_eventloop_lag_min_seconds", "The minimum recorded event loop delay.", delay.min],
    ["nodejs_eventloop_lag_max_seconds", "The maximum recorded event loop delay.", delay.max],
    ["nodejs_eventloop_lag_mean_seconds", "The mean of the recorded event loop delays.", delay.mean],
    ["nodejs_eventloop_lag_p50_seconds", "The 50th percentile of the recorded event loop delays.", delay.p50],
    ["nodejs_eventloop_lag_p90_seconds", "The 90th percentile of the recorded event loop delays.", delay.p90],
    ["nodejs_eventloop_lag_p99_seconds", "The 99th percentile of the recorded event loop delays.", delay.p99],
    ["process_resident_memory_bytes", "Resident memory size in bytes.", process.memoryUsage.rss()],
    ["nodejs_heap_size_used_bytes", "Process heap size used from Node.js in bytes.", process.memoryUsage().heapUsed],
  ];
  return gauges.flatMap(([name, help, value]) => [
    `# HELP ${name} ${help}`,
    `# TYPE ${name} gauge`,
    `${name} ${value}`,
  ]);
}
