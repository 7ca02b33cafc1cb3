import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script, run by node without a build step
import { PLAYWRIGHT_REPORTS, RUN_MARKER, summarize, VITEST_REPORT } from "./test-summary.mjs";

const VITEST_OK = {
  numPassedTests: 3,
  numFailedTests: 0,
  numPendingTests: 0,
  numTotalTests: 3,
  numFailedTestSuites: 0,
};
const PLAYWRIGHT_OK = { stats: { expected: 5, unexpected: 0, flaky: 0, skipped: 0 }, errors: [] };

/** A test-results folder with the given reports, written after the run marker. */
function results(reports: { vitest?: unknown; postgres?: unknown; main?: unknown }, staleMain = false) {
  // Laid out as the real one, so that the script can also run in it as a command.
  const dir = mkdtempSync(join(tmpdir(), "summary-"));
  const at = (path: string) => join(dir, path);
  mkdirSync(at("test-results"));
  const paths = { marker: at(RUN_MARKER), vitest: at(VITEST_REPORT), playwright: PLAYWRIGHT_REPORTS.map(at) };
  // The run began ten seconds ago; a stale report is from a minute ago.
  writeFileSync(paths.marker, "");
  const began = new Date(Date.now() - 10_000);
  utimesSync(paths.marker, began, began);
  const past = new Date(Date.now() - 60_000);
  if (reports.vitest) writeFileSync(paths.vitest, JSON.stringify(reports.vitest));
  if (reports.postgres) writeFileSync(paths.playwright[0], JSON.stringify(reports.postgres));
  if (reports.main) {
    writeFileSync(paths.playwright[1], JSON.stringify(reports.main));
    if (staleMain) utimesSync(paths.playwright[1], past, past);
  }
  return { dir, paths };
}

describe("test summary", () => {
  it("passes when every suite ran and none failed", () => {
    const { paths } = results({ vitest: VITEST_OK, postgres: PLAYWRIGHT_OK, main: PLAYWRIGHT_OK });
    expect(summarize(paths)).toMatchObject({ ok: true, lines: [expect.any(String), "tests: 13 passed, 0 failed"] });
  });

  it("fails a report with errors: the web server did not start, no test ran", () => {
    const broken = {
      stats: { expected: 0, unexpected: 0, flaky: 0, skipped: 0 },
      errors: [{ message: "Error: Process from config.webServer was not able to start. Exit code: 1" }],
    };
    const { ok, lines } = summarize(results({ vitest: VITEST_OK, postgres: PLAYWRIGHT_OK, main: broken }).paths);
    expect(ok).toBe(false);
    expect(lines.join("\n")).toContain("config.webServer was not able to start");
  });

  it("fails an empty run, a run that only skipped, a missing report and a stale one", () => {
    const empty = { stats: { expected: 0, unexpected: 0, flaky: 0, skipped: 0 }, errors: [] };
    const skippedOnly = { stats: { expected: 0, unexpected: 0, flaky: 0, skipped: 4 }, errors: [] };
    for (const paths of [
      results({ vitest: VITEST_OK, postgres: PLAYWRIGHT_OK, main: empty }).paths,
      results({ vitest: VITEST_OK, postgres: skippedOnly, main: PLAYWRIGHT_OK }).paths,
      results({ vitest: VITEST_OK, postgres: PLAYWRIGHT_OK }).paths,
      results({ postgres: PLAYWRIGHT_OK, main: PLAYWRIGHT_OK }).paths,
      results({ vitest: VITEST_OK, postgres: PLAYWRIGHT_OK, main: PLAYWRIGHT_OK }, true).paths,
      results({ vitest: { ...VITEST_OK, numFailedTestSuites: 1 }, postgres: PLAYWRIGHT_OK, main: PLAYWRIGHT_OK }).paths,
    ]) {
      const summary = summarize(paths);
      expect(summary.ok, summary.lines.join("\n")).toBe(false);
      expect(summary.lines.some((line: string) => line.startsWith("NOT RUN: "))).toBe(true);
    }
  });

  it("exits non-zero as a command when a report is missing, zero when all are there", () => {
    const run = (dir: string) => {
      try {
        const stdout = execFileSync(process.execPath, [join(process.cwd(), "scripts/test-summary.mjs")], { cwd: dir });
        return { status: 0, stdout: stdout.toString() };
      } catch (error) {
        const failed = error as { status: number; stdout: Buffer };
        return { status: failed.status, stdout: failed.stdout.toString() };
      }
    };
    const missing = run(results({ vitest: VITEST_OK, main: PLAYWRIGHT_OK }).dir);
    expect(missing.status).toBe(1);
    expect(missing.stdout).toMatch(/NOT RUN: .*playwright-postgres\.json is missing/);
    const complete = run(results({ vitest: VITEST_OK, postgres: PLAYWRIGHT_OK, main: PLAYWRIGHT_OK }).dir);
    expect(complete).toEqual({ status: 0, stdout: expect.stringContaining("tests: 13 passed, 0 failed") });
  });
});
