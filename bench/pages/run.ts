import { execFile } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { type Browser, type BrowserContext, chromium } from "@playwright/test";
import { freePort } from "../../e2e/support/server";
import { SERVER_BUILD_DIR } from "../../scripts/server-command";
import { STARTING_LOAD } from "../machine-load";
import { OwnerClient } from "../support/api-client";
import { ensureBuilt } from "../support/build";
import { type Keysmith, keysmithCommand, startKeysmith } from "../support/keysmith";
import { log } from "../support/log";
import { runMain } from "../support/main";
import { int, mark, table } from "../support/markdown";
import { writeReport } from "../support/report-file";

/**
 * How fast the dashboard's pages show their data: the key table, a key's page and the audit
 * log, on a workspace of 30 keys and their audit events, in Chromium against production
 * builds started as `npm start` starts them. Beside this checkout runs a baseline: the
 * same pages built from another commit (the one this branch grew from) in a temporary git worktree,
 * measured in the same run, interleaved. Per page and target, cold (a new browser context,
 * empty cache) then warm (the same context, a second visit), several runs, medians.
 * Targets: rows visible ≤ 300 ms warm and ≤ 1 s cold.
 *
 *   npx tsx bench/pages/run.ts                    → bench/results/pages.md (≈ 4 min, plus ≈ 2 min to build the baseline)
 *   npx tsx bench/pages/run.ts --runs=9 --baseline=<ref> --keep-baseline   (default baseline: git merge-base HEAD main)
 */
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const RUNS = Number(arg("runs") ?? 7);
/** By default the commit this branch grew from (main may have moved on since: its changes are not this branch's). */
const BASELINE_REF = arg("baseline");
const KEEP_BASELINE = process.argv.includes("--keep-baseline");
const KEYS = 30;
const REVOKED = 5;
const TARGET_WARM_MS = 300;
const TARGET_COLD_MS = 1000;

const execute = promisify(execFile);
const run = (cmd: string, args: string[], cwd?: string) =>
  execute(cmd, args, { cwd, maxBuffer: 64 * 1024 * 1024 }).then(({ stdout }) => stdout.trim());

/** The pages and what counts as their rows (the first one in the DOM, then painted). */
const PAGES = [
  { name: "key table", path: (s: Seeded) => `/${s.slug}/keys`, rows: "tbody[data-testid=key-rows] tr[data-key-id]" },
  {
    name: "key page",
    path: (s: Seeded) => `/${s.slug}/keys/${s.keyId}`,
    rows: 'ol[aria-label="Audit events for this key"] li',
  },
  { name: "audit log", path: (s: Seeded) => `/${s.slug}/audit`, rows: "tbody tr[data-event-id]" },
] as const;
type PageName = (typeof PAGES)[number]["name"];
type Mode = "cold" | "warm";

interface Target {
  name: "baseline" | "this branch";
  commit: string;
  server: Keysmith;
  seeded: Seeded;
}

interface Seeded {
  owner: OwnerClient;
  slug: string;
  keyId: string;
}

interface Visit {
  /** Navigation start → first row in the DOM and painted (the next animation frame). */
  rowsMs: number;
  /** Navigation start → the first byte of the HTML: the server's render. */
  ttfbMs: number;
  htmlBytes: number;
  jsFiles: number;
  /** Script bytes after decoding (uncompressed) and as transferred (0 from the cache). */
  jsBytes: number;
  jsTransferred: number;
  /** /api/v1 requests the page made before it settled. */
  apiCalls: number;
}

/** In every page: note when the first row is in the DOM, then painted. */
const ROWS_WATCH = `(() => {
  const selector = ${JSON.stringify(PAGES.map((p) => p.rows).join(", "))};
  const seen = () => {
    if (window.__rowsAt !== undefined || !document.querySelector(selector)) return false;
    window.__rowsAt = -1;
    requestAnimationFrame(() => { window.__rowsAt = performance.now(); });
    return true;
  };
  const observer = new MutationObserver(() => { if (seen()) observer.disconnect(); });
  observer.observe(document, { childList: true, subtree: true });
})();`;

async function visit(context: BrowserContext, url: string): Promise<Visit> {
  const page = await context.newPage();
  let apiCalls = 0;
  page.on("request", (request) => {
    if (new URL(request.url()).pathname.startsWith("/api/v1/")) apiCalls++;
  });
  await page.goto(url, { waitUntil: "load", timeout: 30_000 });
  await page.waitForFunction(() => (window as unknown as { __rowsAt?: number }).__rowsAt! > 0, null, {
    timeout: 30_000,
  });
  await page.waitForLoadState("networkidle");
  const figures = await page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    const scripts = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter(
      (entry) => entry.initiatorType === "script" || new URL(entry.name).pathname.endsWith(".js"),
    );
    return {
      rowsMs: (window as unknown as { __rowsAt: number }).__rowsAt,
      ttfbMs: nav.responseStart,
      htmlBytes: nav.decodedBodySize,
      jsFiles: scripts.length,
      jsBytes: scripts.reduce((sum, entry) => sum + entry.decodedBodySize, 0),
      jsTransferred: scripts.reduce((sum, entry) => sum + entry.transferSize, 0),
    };
  });
  await page.close();
  return { ...figures, apiCalls };
}

/** A browser context signed in as the target's owner (cookies are per host, not per port: one context per target). */
async function signedIn(browser: Browser, target: Target): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.addInitScript(ROWS_WATCH);
  const { hostname } = new URL(target.server.url);
  await context.addCookies(
    target.seeded.owner.sessionCookies().map(({ name, value }) => ({ name, value, domain: hostname, path: "/" })),
  );
  return context;
}

/** 30 keys created as users create them, 5 of them revoked: 36 audit events with the workspace's creation. */
async function seed(url: string): Promise<Seeded> {
  const owner = await OwnerClient.signUp(url);
  const keys = await owner.createKeys(KEYS, 4, "service");
  for (const key of keys.slice(0, REVOKED)) await owner.revokeKey(key.id);
  return { owner, slug: owner.slug, keyId: keys[REVOKED].id };
}

/** A checkout of `ref` in a temporary git worktree, built; kept by commit so a second run reuses it. */
async function baselineCheckout(ref: string | undefined): Promise<{ dir: string; commit: string }> {
  const commit = await run("git", ref ? ["rev-parse", ref] : ["merge-base", "HEAD", "main"]);
  const dir = join(tmpdir(), `keysmith-pages-baseline-${commit.slice(0, 12)}`);
  if (existsSync(join(dir, SERVER_BUILD_DIR, "server.mjs"))) return { dir, commit };
  if (!existsSync(dir)) await run("git", ["worktree", "add", "--detach", dir, commit]);
  // The same installed packages, hard-linked (Turbopack refuses a node_modules symlinked from outside its root).
  if (!existsSync(join(dir, "node_modules")))
    await run("cp", ["-al", resolve("node_modules"), join(dir, "node_modules")]);
  log(`building the baseline (${ref ?? "merge-base HEAD main"} = ${commit.slice(0, 12)}) in ${dir}`);
  await run("npx", ["prisma", "generate"], dir);
  await run("npm", ["run", "-s", "build"], dir);
  return { dir, commit };
}

async function startTarget(name: Target["name"], commit: string, cwd?: string): Promise<Target> {
  const port = await freePort();
  const server = await startKeysmith({ port, dataDir: mkdtempSync(join(tmpdir(), "keysmith-pages-")), cwd });
  log(`${name} (${commit.slice(0, 12)}) on ${server.url}`);
  return { name, commit, server, seeded: await seed(server.url) };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

async function main() {
  await ensureBuilt({ peer: false });
  const commit = await run("git", ["rev-parse", "HEAD"]);
  const dirty = (await run("git", ["status", "--porcelain", "--", "app", "components", "lib"])) !== "";
  const baseline = await baselineCheckout(BASELINE_REF);
  const targets = [
    await startTarget("baseline", baseline.commit, baseline.dir),
    await startTarget("this branch", commit),
  ];
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  const samples = new Map<string, Visit[]>();
  const keep = (target: Target, page: PageName, mode: Mode, figures: Visit) => {
    const key = `${target.name}|${page}|${mode}`;
    samples.set(key, [...(samples.get(key) ?? []), figures]);
  };
  try {
    // One visit of each page first: the servers load each route's code on its first request.
    for (const target of targets) {
      const context = await signedIn(browser, target);
      for (const page of PAGES) await visit(context, `${target.server.url}${page.path(target.seeded)}`);
      await context.close();
    }
    for (let round = 0; round < RUNS; round++) {
      // Interleaved, the order flipped each round, so the machine's other work falls on both alike.
      for (const target of round % 2 ? [...targets].reverse() : targets) {
        for (const page of PAGES) {
          const context = await signedIn(browser, target);
          const url = `${target.server.url}${page.path(target.seeded)}`;
          keep(target, page.name, "cold", await visit(context, url));
          keep(target, page.name, "warm", await visit(context, url));
          await context.close();
        }
      }
      log(`round ${round + 1}/${RUNS} done`);
    }
  } finally {
    await browser.close();
    for (const target of targets) await target.server.stop();
    if (!KEEP_BASELINE) await run("git", ["worktree", "remove", "--force", baseline.dir]);
  }
  writeReport("pages", report(targets, samples, commit, dirty), log);
}

function report(targets: Target[], samples: Map<string, Visit[]>, commit: string, dirty: boolean): string {
  const at = (target: Target, page: PageName, mode: Mode) => samples.get(`${target.name}|${page}|${mode}`) ?? [];
  const med = (target: Target, page: PageName, mode: Mode, pick: (v: Visit) => number) =>
    median(at(target, page, mode).map(pick));
  const [base, mine] = targets;
  const rows: (string | number)[][] = [];
  const goals: (string | number)[][] = [];
  for (const page of PAGES) {
    for (const mode of ["cold", "warm"] as const) {
      const rowsBase = med(base, page.name, mode, (v) => v.rowsMs);
      const rowsMine = med(mine, page.name, mode, (v) => v.rowsMs);
      rows.push([
        page.name,
        mode,
        int(rowsBase),
        int(rowsMine),
        `${(rowsMine / rowsBase).toFixed(2)}×`,
        `${int(med(base, page.name, mode, (v) => v.ttfbMs))} / ${int(med(mine, page.name, mode, (v) => v.ttfbMs))}`,
        `${kib(med(base, page.name, mode, (v) => v.jsBytes))} / ${kib(med(mine, page.name, mode, (v) => v.jsBytes))}`,
        `${kib(med(base, page.name, mode, (v) => v.jsTransferred))} / ${kib(med(mine, page.name, mode, (v) => v.jsTransferred))}`,
        `${med(base, page.name, mode, (v) => v.apiCalls)} / ${med(mine, page.name, mode, (v) => v.apiCalls)}`,
      ]);
      const limit = mode === "warm" ? TARGET_WARM_MS : TARGET_COLD_MS;
      goals.push([`${page.name}, ${mode}: rows visible ≤ ${int(limit)} ms`, int(rowsMine), mark(rowsMine <= limit)]);
    }
  }
  const spread = (target: Target, page: PageName, mode: Mode) => {
    const values = at(target, page, mode).map((v) => v.rowsMs);
    return `${int(Math.min(...values))}–${int(Math.max(...values))}`;
  };
  const spreads = PAGES.flatMap((page) =>
    (["cold", "warm"] as const).map((mode) => [
      page.name,
      mode,
      spread(base, page.name, mode),
      spread(mine, page.name, mode),
    ]),
  );
  const html = (target: Target) =>
    PAGES.map((p) => `${p.name} ${kib(med(target, p.name, "warm", (v) => v.htmlBytes))}`).join(", ");
  return [
    "# Pages: time to rows visible and JavaScript (`bench/pages`)",
    "",
    `${new Date().toISOString()}, load average ${STARTING_LOAD} at the start; this branch at ${commit.slice(0, 12)}${dirty ? " (with uncommitted changes)" : ""}, baseline \`${BASELINE_REF ?? "merge-base HEAD main"}\` at ${base.commit.slice(0, 12)}, built in a temporary worktree. Both started as \`npm start\` starts them (\`${keysmithCommand({ port: 0, dataDir: "<tmp>" })}\`, a free port each), in the same run; Chromium ${RUNS} rounds, interleaved, medians.`,
    "",
    `Each workspace: ${KEYS} keys created through \`POST /api/v1/keys\` with the session cookie, ${REVOKED} of them revoked (36 audit events). The key page is an active key's (its audit trail). *Cold*: a new browser context (empty cache) and one visit; *warm*: a second visit in the same context. *Rows*: navigation start → the first row in the DOM and painted (next animation frame). *Server*: navigation start → the HTML's first byte. *JS*: every script the page loaded until the network was idle, decoded / as transferred (0 from the cache). *API*: \`/api/v1\` requests before the page settled.`,
    "",
    ...table(
      [
        "page",
        "visit",
        " baseline rows (ms)",
        " this branch rows (ms)",
        " ratio",
        " server ms (base / this)",
        " JS decoded (base / this)",
        " JS transferred (base / this)",
        " API calls (base / this)",
      ],
      rows,
    ),
    "",
    ...table(["goal", " this branch (ms)", "met"], goals),
    "",
    "Spread of rows visible (min–max over the rounds, ms):",
    "",
    ...table(["page", "visit", " baseline", " this branch"], spreads),
    "",
    `HTML decoded: baseline ${html(base)}; this branch ${html(mine)}.`,
    "",
  ].join("\n");
}

runMain(main);
