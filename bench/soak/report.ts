import { STARTING_LOAD } from "../machine-load";
import type { FailureProbe } from "../support/failure-probe";
import { howKeysmithRan } from "../support/how-it-ran";
import type { KeysmithOptions } from "../support/keysmith";
import { int, mark, ms, table } from "../support/markdown";
import { type Interval, LOOP_SAMPLING, megabytes } from "../support/metrics";
import { fittedGrowth, type RssSample } from "../support/rss-sampler";
import type { Seeded } from "../support/seed";
import type { WrkResult } from "../support/wrk";
import type { ChurnCounts } from "./churn";

/** bench/soak's markdown report and its targets. */
export interface Minute extends WrkResult {
  server: Interval;
  heapBytes: number;
  /** The server's RSS every 2 s during the minute (from /proc). */
  rssSamples: RssSample[];
  /** The machine's 1-minute load average at the minute's end. */
  loadAverage: number;
  churn: ChurnCounts;
}

export interface SoakRun {
  settings: { minutes: number; keys: number; connections: number };
  seed: Seeded;
  probe: FailureProbe;
  options: KeysmithOptions;
  rssIdle: number;
  rssBeforeLoad: number;
  minutes: Minute[];
}

const TARGETS = { rssMb: 400, growthPct: 5, idleRssMb: 250 };

export function render(run: SoakRun): string {
  const { settings: s, minutes } = run;
  const last = minutes.at(-1) as Minute;
  // Growth over the last 5 minutes (the last half of a shorter run), on a line fitted through
  // every sample of them: RSS swings by hundreds of MB within a minute as the heap is collected.
  const window = Math.max(1, Math.min(5, Math.floor(minutes.length / 2)));
  const windowSamples = minutes.slice(-window).flatMap((m) => m.rssSamples);
  const growth = fittedGrowth(windowSamples);
  const range = (samples: RssSample[]) =>
    samples.length
      ? `${megabytes(Math.min(...samples.map((x) => x.bytes)))}–${megabytes(Math.max(...samples.map((x) => x.bytes)))}`
      : "—";
  const errorsOf = (m: Minute) => m.errors + m.churn.errors;
  const wrongOf = (m: Minute) => (m.checked?.wrong ?? 0) + m.churn.wrong;
  const errors = minutes.reduce((sum, m) => sum + errorsOf(m), 0);
  const wrong = minutes.reduce((sum, m) => sum + wrongOf(m), 0);
  const sum = (pick: (c: ChurnCounts) => number) => minutes.reduce((total, m) => total + pick(m.churn), 0);
  const requests = minutes.reduce((total, m) => total + m.requests, 0);
  return [
    "# Soak: verification under load while keys change",
    "",
    `${new Date().toISOString()} · ${process.platform} ${process.arch}, Node ${process.version}, 2 cores shared by the server and the load generator, load average ${STARTING_LOAD} when the run started · loopback · ${s.minutes} minute(s) of wrk (2 threads, ${s.connections} connections, one 60 s run a minute, every answer checked) over ${int(s.keys)} keys + 10 % unknown, while one key a second is created, rotated (no grace) or revoked through the API, in turn`,
    "",
    "## How Keysmith ran",
    "",
    ...howKeysmithRan(run.seed, run.probe, run.options),
    "",
    `Resident memory: ${megabytes(run.rssIdle)} MB right after start (before any key or load), ${megabytes(run.rssBeforeLoad)} MB after the keys were created and verified once, before the load.`,
    "",
    "## Targets",
    "",
    ...table(
      ["target", " value", "goal", "result"],
      [
        [
          `RSS after ${s.minutes} minute(s)`,
          `${megabytes(last.server.rssBytes)} MB`,
          `≤ ${TARGETS.rssMb} MB`,
          mark(megabytes(last.server.rssBytes) <= TARGETS.rssMb),
        ],
        [
          `RSS growth over the last ${window} minute(s): a least-squares line through its ${windowSamples.length} samples (${range(windowSamples)} MB), from its start to its end`,
          growth === null ? "no samples" : `${growth.toFixed(1)} %`,
          `≤ ${TARGETS.growthPct} %`,
          mark(growth !== null && growth <= TARGETS.growthPct),
        ],
        [
          "idle RSS, right after start",
          `${megabytes(run.rssIdle)} MB`,
          `≤ ${TARGETS.idleRssMb} MB`,
          mark(megabytes(run.rssIdle) <= TARGETS.idleRssMb),
        ],
        [
          `errors: HTTP and socket errors of the load and of the key changes (${int(requests)} verifications, ${sum((c) => c.created + c.rotated + c.revoked)} changes)`,
          errors,
          "0",
          mark(errors === 0),
        ],
        ["wrong answers: by the load, and right after each change", wrong, "0", mark(wrong === 0)],
      ],
    ),
    "",
    "## Minute by minute",
    "",
    ...table(
      [
        "minute",
        " req/s",
        " p99 (ms)",
        " max (ms)",
        " loop p99 (ms)",
        " loop max (ms)",
        " RSS (MB)",
        " RSS range (MB)",
        " heap (MB)",
        " errors",
        " wrong",
        " created / rotated / revoked",
        " slowest change (ms)",
        " db reads",
        " db writes",
        " load avg",
      ],
      minutes.map((m, i) => [
        i + 1,
        int(m.rps),
        ms(m.p99),
        ms(m.max),
        ms(m.server.eventLoopP99),
        ms(m.server.eventLoopMax),
        megabytes(m.server.rssBytes),
        range(m.rssSamples),
        megabytes(m.heapBytes),
        errorsOf(m),
        wrongOf(m),
        `${m.churn.created} / ${m.churn.rotated} / ${m.churn.revoked}`,
        ms(m.churn.slowestMs),
        int(m.server.dbReads),
        int(m.server.dbWrites),
        m.loadAverage.toFixed(1),
      ]),
    ),
    "",
    "- **req/s**: verifications wrk completed in the minute ÷ its length (each minute is its own 60 s wrk run; answers are checked, which costs the generator some throughput, so these are not bench/verify's numbers).",
    "- **p99, max**: wrk's 99th-percentile and slowest verification in the minute, from sending it to reading its whole answer.",
    `- **loop p99, loop max**: the server's event-loop delay over the minute (\`nodejs_eventloop_lag_p99_seconds\`, \`…_max_seconds\`, scraped at each minute's end, which resets the histogram); ${LOOP_SAMPLING}.`,
    "- **RSS, heap**: `process_resident_memory_bytes` and `nodejs_heap_size_used_bytes` at the minute's end; **RSS range**: the lowest and highest of the server's RSS read from /proc every 2 s during the minute.",
    "- **errors**: wrk's socket errors, timeouts (5 s) and HTTP statuses ≥ 400, plus key changes whose API call failed.",
    "- **wrong**: answers that cannot be right — a code the key cannot have at that moment (a revoked key answering VALID, a valid one REVOKED …), more NOT_FOUND answers than unknown keys sent (a valid key reported unknown), and a key verified right after its change that did not show it.",
    "- **created / rotated / revoked**: key changes made through the API in the minute; **slowest change**: the slowest of those calls including the check after it.",
    "- **db reads, db writes**: statements the server sent its database in the minute (`keysmith_db_reads_total`, `keysmith_db_writes_total`): the changes themselves, keys reloaded after a change, sessions, the usage flush every 2 s and the expiry sweep every 5 s.",
    "- **load avg**: the machine's 1-minute load average at the minute's end. The server and wrk together keep it near 2 on these 2 cores; well above that, other work shared the machine during the minute.",
    "",
  ].join("\n");
}
