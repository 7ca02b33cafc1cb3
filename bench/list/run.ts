import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { createTestDatabase, postgresUnavailable } from "../../e2e/support/postgres";
import { percentile } from "../../e2e/support/propagation";
import { type StartedServer, startServer } from "../../e2e/support/server";
import { openDatabase } from "../../lib/db/client";
import { requireServerBuilt } from "../../scripts/server-command";
import { STARTING_LOAD } from "../machine-load";
import { type InProcessFigures, measureInProcess } from "./in-process";
import { type SeededList, seedList } from "./seed";

/**
 * The key list at scale: 100,000 keys in one workspace, seeded straight into the database,
 * then `GET /api/v1/keys` (pages of 50) timed over HTTP against the production server for
 * each query shape the dashboard and API clients use, on PGlite and on PostgreSQL.
 * Targets: p95 < 30 ms on PGlite, < 15 ms on PostgreSQL.
 *
 *   npx tsx bench/list/run.ts                       both backends → bench/results/list.md
 *   npx tsx bench/list/run.ts --backend=postgres    one backend (pglite | postgres)
 *   npx tsx bench/list/run.ts --keys=20000 --requests=50
 */
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const KEYS = Number(arg("keys") ?? 100_000);
const REQUESTS = Number(arg("requests") ?? 200);
const WARMUP = 20;
const BACKENDS = (arg("backend") ?? "pglite,postgres").split(",") as Backend[];
const TARGET_MS: Record<Backend, number> = { pglite: 30, postgres: 15 };
const PORTS: Record<Backend, number> = { pglite: 4111, postgres: 4112 };
type Backend = "pglite" | "postgres";

interface Shape {
  name: string;
  query: (seed: SeededList) => string;
  /** Pages to walk before the timed one (keyset cursor). */
  depth?: number;
  /** Another route, timed the same way for comparison. */
  path?: string;
}

/** The server's fixed cost per request on this machine right now: same auth, no list. */
const BASELINE: Shape = {
  name: "baseline: `GET /api/v1/me` (same auth, no list query)",
  query: () => "",
  path: "/api/v1/me",
};

const SHAPES: Shape[] = [
  { name: "newest first (default)", query: () => "" },
  { name: "page 40 by cursor", query: () => "", depth: 40 },
  { name: "status=active", query: () => "status=active" },
  { name: "status=revoked", query: () => "status=revoked" },
  { name: "status=expiring_soon", query: () => "status=expiring_soon" },
  { name: "status=expired,in_grace", query: () => "status=expired,in_grace" },
  { name: "environment=test", query: () => "environment=test" },
  { name: "creator", query: (s) => `creator=${s.creators[3]}` },
  {
    name: "creator + environment=live + status=active",
    query: (s) => `creator=${s.creators[5]}&environment=live&status=active`,
  },
  { name: "search, common word", query: () => "search=billing" },
  { name: "search, one match", query: (s) => `search=${encodeURIComponent(s.rareName)}` },
  { name: "search, no match", query: () => "search=nothing-like-this" },
  { name: "sort=name asc", query: () => "sort=name&order=asc" },
  {
    name: "sort=name desc + status=revoked + environment=live",
    query: () => "sort=name&order=desc&status=revoked&environment=live",
  },
];

interface Row extends Partial<InProcessFigures> {
  shape: string;
  p50: number;
  p95: number;
  max: number;
  rows: number;
}

async function main(): Promise<void> {
  requireServerBuilt();
  const sections: string[] = [];
  let failed = false;
  for (const backend of BACKENDS) {
    const result = await runBackend(backend);
    if (!result) continue;
    sections.push(result.section);
    failed ||= !result.met;
  }
  const report = [
    "# Key list benchmark",
    "",
    `${new Date().toISOString()} · ${KEYS.toLocaleString("en")} keys in one workspace · \`GET /api/v1/keys\`, pages of 50, ${REQUESTS} sequential requests per shape after ${WARMUP} warm-up ones, over HTTP on loopback against the production server (\`server.ts\`), API-key auth · ${process.platform} ${process.arch}, Node ${process.version}, 2 cores shared with the client, load average ${STARTING_LOAD} when the run started`,
    "",
    ...sections,
  ].join("\n");
  console.log(report);
  const out = join("bench", "results", "list.md");
  mkdirSync(join(out, ".."), { recursive: true });
  writeFileSync(out, report);
  log(`wrote ${out}`);
  if (failed) process.exitCode = 1;
}

async function runBackend(backend: Backend): Promise<{ section: string; met: boolean } | null> {
  let server: StartedServer | undefined;
  let drop = async () => {};
  try {
    let seed: SeededList;
    let inProcess: InProcessFigures[];
    const started = performance.now();
    if (backend === "postgres") {
      const unavailable = await postgresUnavailable();
      if (unavailable) {
        log(`skipping PostgreSQL: ${unavailable}`);
        return null;
      }
      const database = await createTestDatabase("keysmith_bench");
      drop = database.drop;
      log(`seeding ${KEYS} keys into PostgreSQL database ${database.name}`);
      seed = await seedList({ url: database.url, count: KEYS });
      inProcess = await measureAllInProcess({ url: database.url }, seed);
      server = await startServer(PORTS.postgres, { DATABASE_URL: database.url });
    } else {
      const dataDir = mkdtempSync(join(tmpdir(), "keysmith-bench-list-"));
      log(`seeding ${KEYS} keys into PGlite at ${dataDir}`);
      seed = await seedList({ dataDir: join(dataDir, "pglite"), count: KEYS });
      inProcess = await measureAllInProcess({ dataDir: join(dataDir, "pglite") }, seed);
      server = await startServer(PORTS.pglite, { KEYSMITH_DATA_DIR: dataDir });
    }
    log(`seeded and started in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const rows: Row[] = [];
    for (const [i, shape] of SHAPES.entries())
      rows.push({ ...(await measure(server.url, seed, shape)), ...inProcess[i] });
    const baseline = await measure(server.url, seed, BASELINE);
    const target = TARGET_MS[backend];
    const worst = Math.max(...rows.map((r) => r.p95));
    const label = backend === "pglite" ? "PGlite (embedded, file-backed)" : "PostgreSQL 15 (loopback)";
    const section = [
      `## ${label}`,
      "",
      "| query shape | rows | HTTP p50 (ms) | HTTP p95 (ms) | HTTP max (ms) | p95 target | in-process page p50 / p95 (ms) | database plan + run (ms) | api_key reached through |",
      "|---|---:|---:|---:|---:|---|---:|---:|---|",
      ...rows.map(
        (r) =>
          `| ${r.shape} | ${r.rows} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} | ${r.max.toFixed(1)} | < ${target} ms ${r.p95 < target ? "✅" : "❌"} | ${r.pageP50?.toFixed(2)} / ${r.pageP95?.toFixed(2)} | ${r.planMs?.toFixed(2)} + ${r.executeMs?.toFixed(2)} | ${r.indexes?.map((i) => `\`${i}\``).join(", ")} |`,
      ),
      `| *${baseline.shape}* | — | ${baseline.p50.toFixed(2)} | ${baseline.p95.toFixed(2)} | ${baseline.max.toFixed(1)} | — | — | — | — |`,
      "",
      `Worst HTTP p95: ${worst.toFixed(2)} ms (target < ${target} ms ${worst < target ? "✅" : "❌"}). "In-process page": \`listKeys\` + serialisation in one process, no HTTP (the part the query and indexes decide); "database plan + run": EXPLAIN ANALYZE planning and execution time, median of 5. The baseline row is the server's fixed cost per request at the time of the run.`,
      "",
    ].join("\n");
    return { section, met: worst < target };
  } finally {
    await server?.stop("SIGTERM");
    await drop();
  }
}

async function measureAllInProcess(open: { url?: string; dataDir?: string }, seed: SeededList) {
  log("timing each shape in-process and reading its plan");
  const { db, close } = await openDatabase(open);
  try {
    const figures: InProcessFigures[] = [];
    for (const shape of SHAPES) {
      figures.push(
        await measureInProcess(db, { id: seed.workspaceId, orgId: seed.orgId }, shape.query(seed), shape.depth ?? 0),
      );
    }
    return figures;
  } finally {
    await close();
  }
}

async function measure(baseURL: string, seed: SeededList, shape: Shape): Promise<Row> {
  const headers = { authorization: `Bearer ${seed.ownerKey}` };
  const filters = shape.query(seed);
  let cursor = "";
  for (let page = 0; page < (shape.depth ?? 0); page++) {
    const body = await get(baseURL, `/api/v1/keys?${filters}`, headers);
    cursor = body.nextCursor;
  }
  const path =
    shape.path ??
    `/api/v1/keys?${[filters, cursor && `cursor=${encodeURIComponent(cursor)}`].filter(Boolean).join("&")}`;
  let rows = 0;
  const times: number[] = [];
  for (let i = 0; i < WARMUP + REQUESTS; i++) {
    const t0 = performance.now();
    const body = await get(baseURL, path, headers);
    const elapsed = performance.now() - t0;
    rows = Array.isArray(body.data) ? body.data.length : 0;
    if (i >= WARMUP) times.push(elapsed);
  }
  const row = {
    shape: shape.name,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: Math.max(...times),
    rows,
  };
  log(`${shape.name}: ${rows} rows, p50 ${row.p50.toFixed(2)} ms, p95 ${row.p95.toFixed(2)} ms`);
  return row;
}

// biome-ignore lint/suspicious/noExplicitAny: the list body is checked where used
async function get(baseURL: string, path: string, headers: Record<string, string>): Promise<any> {
  const response = await fetch(`${baseURL}${path}`, { headers });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${text}`);
  return JSON.parse(text);
}

function log(message: string): void {
  console.error(`[bench] ${message}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
