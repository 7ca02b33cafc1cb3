import type { WrkResult } from "../support/wrk";
import type { CutFigures } from "./stream-cut";

interface Summary {
  p50: number;
  p99: number;
  max: number;
  n: number;
}
interface Propagation {
  afterAck: Summary;
  afterRequest: Summary;
  missed: number;
  beforeAnswer: number;
}
interface InProcessMode {
  perSecond: number;
  count: number;
  wrong: number;
  fellBack: number;
  cpuShare: number;
}

export interface Figures {
  settings: { keys: number; rounds: number; seconds: number; connections: number };
  startingLoad: string;
  loadAfterThroughput: string;
  endingLoad: string;
  commit: string;
  inProcess: { readyMs: number; keys: number; sync: InProcessMode; async: InProcessMode };
  http: WrkResult[];
  bare: WrkResult[];
  pglite: Propagation;
  postgres: Propagation | { skipped: string };
  cut: CutFigures;
}

const TARGET_RATE = 200_000;
const TARGET_P99 = 100;
const n = (value: number) => Math.round(value).toLocaleString("en-US");
const ms = (value: number) => value.toFixed(1);
const best = (rounds: WrkResult[]) => rounds.reduce((a, b) => (b.rps > a.rps ? b : a));
const ok = (pass: boolean) => (pass ? "✅" : "❌");

export function render(f: Figures): string {
  const http = best(f.http);
  const bare = best(f.bare);
  const { sync, async } = f.inProcess;
  const propagationRow = (label: string, p: Propagation) =>
    `| ${label} | ${p.afterAck.n} | ${ms(p.afterAck.p50)} | ${ms(p.afterAck.p99)} | ${ms(p.afterAck.max)} | ${ms(p.afterRequest.p99)} | ${p.beforeAnswer} | ${p.missed} | ${ok(p.afterAck.p99 < TARGET_P99 && p.missed === 0)} |`;
  const postgres =
    "skipped" in f.postgres
      ? `| two instances on PostgreSQL | skipped: ${f.postgres.skipped} | | | | | | | |`
      : propagationRow("two instances on PostgreSQL (revoked on A, verifier on B)", f.postgres);
  const c = f.cut;
  return [
    "# In-process verification (`bench/verify-local`)",
    "",
    `${new Date().toISOString()} · commit ${f.commit} · ${process.platform} ${process.arch}, Node ${process.version} · ` +
      `a shared 2-core machine (three agents work on it): load average ${f.startingLoad} at the start, ` +
      `${f.loadAfterThroughput} after the throughput rounds, ${f.endingLoad} at the end · Keysmith started as \`npm start\` ` +
      `starts it · ${n(f.settings.keys)} keys created through the API, plus 10 % unknown keys in the mix (as bench/verify)`,
    "",
    "## (a) Verifications per second",
    "",
    "| target | verifications/s | p50 (ms) | p99 (ms) | notes |",
    "|---|---:|---:|---:|---|",
    `| local verifier, \`verifySync\` | ${n(sync.perSecond)} | | | one process, ${(sync.cpuShare * 100).toFixed(0)} % of a core; ${n(sync.count)} answers, ${sync.wrong} wrong, ${sync.fellBack} not answered locally |`,
    `| local verifier, \`await verify()\` | ${n(async.perSecond)} | | | ${(async.cpuShare * 100).toFixed(0)} % of a core; ${n(async.count)} answers, ${async.wrong} wrong, ${async.fellBack} not answered locally |`,
    `| Keysmith over HTTP (server.ts fast path) | ${n(http.rps)} | ${ms(http.p50)} | ${ms(http.p99)} | wrk, ${f.settings.connections} connections, best of ${f.http.length} × ${f.settings.seconds} s; server and wrk share the 2 cores |`,
    `| bare node:http ceiling (SHA-256 + Map) | ${n(bare.rps)} | ${ms(bare.p50)} | ${ms(bare.p99)} | the same load, best of ${f.bare.length} |`,
    "",
    "| ratio | value | goal |",
    "|---|---:|---|",
    `| local (verifySync) ÷ HTTP fast path | ${(sync.perSecond / http.rps).toFixed(1)}× | |`,
    `| local (verifySync) ÷ bare node:http ceiling | ${(sync.perSecond / bare.rps).toFixed(1)}× | |`,
    `| local (await verify()) ÷ HTTP fast path | ${(async.perSecond / http.rps).toFixed(1)}× | |`,
    `| local verifications/s, one core | ${n(sync.perSecond)} (verifySync), ${n(async.perSecond)} (verify) | ≥ ${n(TARGET_RATE)} ${ok(async.perSecond >= TARGET_RATE)} |`,
    "",
    `The verifier downloaded its snapshot (${n(f.inProcess.keys)} load keys, ${n(f.settings.keys + 1)} keys in the workspace) and was in sync ${ms(f.inProcess.readyMs)} ms after it was created. Each verification checks the format and checksum, hashes the key (SHA-256), looks the hash up, applies the server's rules and counts usage; the loop yields to the event loop every 1,000 verifications so that the stream's pings are answered.`,
    "",
    "## (b) Revocation reaching a local verifier in another process",
    "",
    `Each round creates a key, waits until the watcher process (bench/verify-local/watcher.ts) answers it VALID from its copy, then revokes it over HTTP; the watcher checks the key on every turn of its event loop. Times from the revoke's HTTP answer to the watcher's first REVOKED (one clock: same machine), ${f.settings.rounds} rounds; the server announces a change as it commits, so the watcher often holds it before the client has read the answer (counted as 0 ms, and in "seen before the answer").`,
    "",
    "| setup | rounds | p50 (ms) | p99 (ms) | max (ms) | p99 from the request (ms) | seen before the answer | missed | p99 < 100 ms |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    propagationRow("PGlite, one instance", f.pglite),
    postgres,
    "",
    "## (c) Stream cut",
    "",
    `A local verifier (maxStalenessMs ${c.maxStalenessMs}) behind a proxy that drops its stream's bytes without closing anything; ${c.keys} keys revoked through the server during the cut, each verified with \`verify()\` over and over for ${c.maxStalenessMs + 2000} ms.`,
    "",
    "| figure | value | goal |",
    "|---|---:|---|",
    `| VALID answers for a revoked key later than maxStalenessMs after its revoke | ${c.lateValid} | 0 ${ok(c.lateValid === 0)} |`,
    `| VALID answers within the bound (the copy could not know) | ${n(c.validWithinBound)} | |`,
    `| last VALID answer after a revoke (ms) | ${c.lastValidMs === null ? "none" : ms(c.lastValidMs)} | ≤ ${c.maxStalenessMs} |`,
    `| answers in all / asked of the server | ${n(c.answers)} / ${n(c.remoteAnswers)} | |`,
    `| after the cut ended: back in sync (ms) | ${ms(c.recoveredMs)} | |`,
    `| every revoked key REVOKED from the copy after recovery | ${c.revokedAfterRecovery ? "yes" : "no"} | yes ${ok(c.revokedAfterRecovery)} |`,
    "",
  ].join("\n");
}
