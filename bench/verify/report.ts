import { STARTING_LOAD } from "../machine-load";
import type { FailureProbe } from "../support/failure-probe";
import { howKeysmithRan } from "../support/how-it-ran";
import type { KeysmithOptions } from "../support/keysmith";
import { int, mark, ms, table } from "../support/markdown";
import { type Interval, LOOP_SAMPLING, megabytes } from "../support/metrics";
import type { Seeded } from "../support/seed";
import type { WrkResult } from "../support/wrk";

/** bench/verify's markdown report, its targets, and what makes a run fail. */
export interface Settings {
  smoke: boolean;
  keys: number;
  seconds: number;
  coldSeconds: number;
  connections: number;
  warmupSeconds: number;
  probeSeconds: number;
  rounds: number;
  seedConcurrency: number;
}

export type Round = WrkResult;

export interface KeysmithRound extends WrkResult {
  /** What the server's /api/metrics said about the round. */
  server: Interval;
}

export interface ColdRound extends KeysmithRound {
  /** From /api/health first answering to the load starting (one metrics scrape in between). */
  startDelayMs: number;
}

export interface VerifyRun {
  settings: Settings;
  seed: Seeded;
  probe: FailureProbe;
  options: KeysmithOptions;
  rssAtStart: number;
  rssAfterSeed: number;
  rounds: { bare: Round[]; keysmith: KeysmithRound[]; peer: Round[] };
  cold: ColdRound;
}

const TARGETS = { vsBare: 0.85, p99VsBare: 1.5, maxMs: 50, coldP99VsWarm: 3, vsPeer: 20 };

/** The round with the median throughput (its own latencies come with it). */
function median<T extends WrkResult>(results: T[]): T {
  return [...results].sort((a, b) => a.rps - b.rps)[Math.floor(results.length / 2)];
}

export function render(run: VerifyRun): string {
  const { settings: s, rounds, cold } = run;
  const [bare, keysmith, peer] = [median(rounds.bare), median(rounds.keysmith), median(rounds.peer)];
  const worstMax = Math.max(...rounds.keysmith.map((r) => r.max));
  const reads = rounds.keysmith.reduce((sum, r) => sum + r.server.dbReads, 0);
  const writes = rounds.keysmith.reduce((sum, r) => sum + r.server.dbWrites, 0);
  const verified = rounds.keysmith.reduce((sum, r) => sum + r.server.verifications, 0);
  const ratio = {
    vsBare: keysmith.rps / bare.rps,
    p99VsBare: keysmith.p99 / bare.p99,
    coldVsWarm: cold.p99 / keysmith.p99,
    vsPeer: keysmith.rps / peer.rps,
  };
  const pct = (x: number) => `${(x * 100).toFixed(0)} %`;
  const latencyCells = (r: WrkResult) => [int(r.requests), int(r.rps), ms(r.p50), ms(r.p99), ms(r.max), r.errors];
  const keysmithRow = (label: string, r: KeysmithRound) => [
    label,
    ...latencyCells(r),
    ms(r.server.eventLoopP99),
    ms(r.server.eventLoopMax),
    megabytes(r.server.rssBytes),
    r.server.dbReads,
    r.server.dbWrites,
    int(r.server.verifications),
  ];
  const each = (list: WrkResult[]) =>
    list.map((r) => `${int(r.rps)} req/s, p99 ${ms(r.p99)} ms, max ${ms(r.max)} ms`).join(" · ");
  return [
    `# Verification benchmark${s.smoke ? " (smoke)" : ""}`,
    "",
    `${new Date().toISOString()} · ${process.platform} ${process.arch}, Node ${process.version}, 2 cores shared by the servers and the load generator, load average ${STARTING_LOAD} when the run started · loopback · wrk, 2 threads, ${s.connections} connections, ${s.seconds} s per round after a warm-up pass over every key${s.smoke ? "" : ` and an unmeasured ${s.warmupSeconds} s round`} per target, ${s.rounds} interleaved round(s), the median round (by req/s) shown`,
    "",
    "## How Keysmith ran",
    "",
    ...howKeysmithRan(run.seed, run.probe, run.options),
    "",
    "The peer's keys are seeded as before, with better-auth's own `createApiKey`, and the peer runs as before.",
    "",
    `Keysmith's resident memory: ${run.rssAtStart} MB right after start, ${run.rssAfterSeed} MB after the keys were created.`,
    "",
    "## Median rounds",
    "",
    ...table(
      ["target", " requests", " req/s", " p50 (ms)", " p99 (ms)", " max (ms)", " errors"],
      [
        ["bare node:http (ceiling)", ...latencyCells(bare)],
        ["Keysmith (server.ts fast path)", ...latencyCells(keysmith)],
        ["better-auth api-key via Next route", ...latencyCells(peer)],
      ],
    ),
    "",
    "## Targets",
    "",
    ...table(
      ["target", " value", "goal", "result"],
      [
        [
          "Keysmith req/s ÷ bare req/s (median rounds)",
          pct(ratio.vsBare),
          `≥ ${pct(TARGETS.vsBare)}`,
          mark(ratio.vsBare >= TARGETS.vsBare),
        ],
        [
          "Keysmith p99 ÷ bare p99 (median rounds)",
          `${ratio.p99VsBare.toFixed(2)}×`,
          `≤ ${TARGETS.p99VsBare}×`,
          mark(ratio.p99VsBare <= TARGETS.p99VsBare),
        ],
        [
          `Keysmith max latency, worst of its ${s.rounds} warm round(s)`,
          `${ms(worstMax)} ms`,
          `≤ ${TARGETS.maxMs} ms`,
          mark(worstMax <= TARGETS.maxMs),
        ],
        [
          `database reads during the warm Keysmith rounds (${int(verified)} verifications of cached keys; the usage flush wrote ${writes} statement(s) meanwhile)`,
          reads,
          "0",
          mark(reads === 0),
        ],
        [
          `cold round p99 ÷ warm p99 (first ${s.coldSeconds} s after a restart, no key cached)`,
          `${ratio.coldVsWarm.toFixed(2)}×`,
          `≤ ${TARGETS.coldP99VsWarm}×`,
          mark(ratio.coldVsWarm <= TARGETS.coldP99VsWarm),
        ],
        [
          "Keysmith req/s ÷ peer req/s (DESIGN.md)",
          `${ratio.vsPeer.toFixed(1)}×`,
          `≥ ${TARGETS.vsPeer}×`,
          mark(ratio.vsPeer >= TARGETS.vsPeer),
        ],
      ],
    ),
    "",
    "## Keysmith, round by round",
    "",
    ...table(
      [
        "round",
        " requests",
        " req/s",
        " p50 (ms)",
        " p99 (ms)",
        " max (ms)",
        " errors",
        " loop p99 (ms)",
        " loop max (ms)",
        " RSS (MB)",
        " db reads",
        " db writes",
        " verifications",
      ],
      [
        ...rounds.keysmith.map((r, i) => keysmithRow(`warm ${i + 1}`, r)),
        keysmithRow(`cold (load began ${cold.startDelayMs} ms after /api/health answered)`, cold),
      ],
    ),
    "",
    "- **requests, req/s**: answers wrk received in the round, and that number ÷ the round's length.",
    "- **p50, p99, max**: wrk's latency percentiles and its slowest request, from sending a request to reading its whole answer.",
    "- **errors**: wrk's socket errors, timeouts (5 s) and HTTP statuses ≥ 400.",
    `- **loop p99, loop max**: the server's event-loop delay during the round, \`nodejs_eventloop_lag_p99_seconds\` and \`…_max_seconds\` from \`/api/metrics\` scraped right before the round (which resets the histogram) and right after it; ${LOOP_SAMPLING}.`,
    "- **RSS**: the server's resident memory (`process_resident_memory_bytes`) at the end of the round.",
    "- **db reads, db writes**: statements the server sent its database during the round (`keysmith_db_reads_total`, `keysmith_db_writes_total`). Writes are the usage flush (every 2 s) and the expiry sweep (every 5 s); a read would be a key lookup, i.e. a cache miss.",
    "- **verifications**: `keysmith_verify_requests_total` over the round (the warm-up pass and unmeasured round are not in it).",
    "",
    "## Every round of the other targets",
    "",
    `- bare: ${each(rounds.bare)}`,
    `- peer: ${each(rounds.peer)}`,
    "",
  ].join("\n");
}

/**
 * What fails the run (after the report is written), in every mode: a target that answered
 * nothing or answered errors. --smoke (npm test) also fails on what would be badly wrong even
 * on a busy CI machine; a missed target of the full run is reported, not an error.
 */
export function sanityProblems(rounds: VerifyRun["rounds"], cold: ColdRound, smoke: boolean): string[] {
  const named: [string, WrkResult[]][] = [
    ["bare", rounds.bare],
    ["Keysmith", rounds.keysmith],
    ["peer", rounds.peer],
    ["Keysmith (cold)", [cold]],
  ];
  const problems = named.flatMap(([name, list]) =>
    list
      .filter((r) => r.requests === 0 || r.errors > 0)
      .map((r) => `${name}: ${r.requests} requests, ${r.errors} errors in a round`),
  );
  if (!smoke) return problems;
  const reads = rounds.keysmith.reduce((sum, r) => sum + r.server.dbReads, 0);
  if (reads > 0) problems.push(`Keysmith read its database ${reads} times while every key was cached`);
  const [bare, keysmith] = [median(rounds.bare), median(rounds.keysmith)];
  if (keysmith.rps < bare.rps * 0.2)
    problems.push(`Keysmith served ${int(keysmith.rps)} req/s, under 20 % of the bare ceiling's ${int(bare.rps)}`);
  const worst = Math.max(...rounds.keysmith.map((r) => r.max), cold.max);
  if (worst > 2000) problems.push(`a Keysmith request took ${ms(worst)} ms`);
  return problems;
}
