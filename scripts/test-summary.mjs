// The closing verdict of `npm test`, from Vitest's and Playwright's JSON reports. A suite
// that did not run is a failure, not a pass built from the others: a missing report, one
// older than this run, one with errors (a web server that did not start) or one in which
// no test ran all fail the summary.
import { existsSync, readFileSync, statSync } from "node:fs";
import { pathToFileURL } from "node:url";

/** test-all.sh creates this after clearing test-results/: every report must be newer. */
export const RUN_MARKER = "test-results/.run-started";
export const VITEST_REPORT = "test-results/vitest.json";
// scripts/test-all.sh runs the PostgreSQL project on its own, into a report of its own.
export const PLAYWRIGHT_REPORTS = ["test-results/playwright-postgres.json", "test-results/playwright.json"];

/**
 * @param {{ marker: string, vitest: string, playwright: string[] }} paths
 * @returns {{ ok: boolean, lines: string[] }}
 */
export function summarize(paths) {
  const problems = [];
  const startedAt = existsSync(paths.marker) ? statSync(paths.marker).mtimeMs : null;
  if (startedAt === null) problems.push(`${paths.marker} is missing: run the suite through scripts/test-all.sh`);
  const read = (path) => {
    if (!existsSync(path)) {
      problems.push(`${path} is missing: that suite did not run`);
      return null;
    }
    if (startedAt !== null && statSync(path).mtimeMs < startedAt) {
      problems.push(`${path} is older than this run: that suite did not run`);
      return null;
    }
    try {
      return JSON.parse(readFileSync(path, "utf8"));
    } catch (error) {
      problems.push(`${path} is not a readable report (${error.message})`);
      return null;
    }
  };

  let unit = { passed: 0, failed: 0, skipped: 0 };
  const vitest = read(paths.vitest);
  if (vitest) {
    unit = { passed: vitest.numPassedTests, failed: vitest.numFailedTests, skipped: vitest.numPendingTests };
    if (vitest.numFailedTestSuites > 0)
      problems.push(`${paths.vitest}: ${vitest.numFailedTestSuites} test files failed to run`);
    if (vitest.numTotalTests === 0) problems.push(`${paths.vitest}: no unit test ran`);
  }

  const e2e = { passed: 0, failed: 0, flaky: 0, skipped: 0 };
  for (const path of paths.playwright) {
    const report = read(path);
    if (!report) continue;
    for (const error of report.errors ?? []) {
      problems.push(`${path}: ${String(error.message ?? error).split("\n")[0]}`);
    }
    const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats ?? {};
    if (expected + unexpected + flaky === 0) {
      problems.push(`${path}: no test ran${skipped ? ` (${skipped} skipped)` : ""}`);
    }
    e2e.passed += expected;
    e2e.failed += unexpected;
    e2e.flaky += flaky;
    e2e.skipped += skipped;
  }

  const passed = unit.passed + e2e.passed + e2e.flaky;
  const failed = unit.failed + e2e.failed;
  const skipped = unit.skipped + e2e.skipped;
  const lines = [
    `unit ${unit.passed}, HTTP and browser ${e2e.passed + e2e.flaky} (flaky ${e2e.flaky})`,
    `tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`,
    ...problems.map((problem) => `NOT RUN: ${problem}`),
  ];
  return { ok: failed === 0 && problems.length === 0, lines };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { ok, lines } = summarize({ marker: RUN_MARKER, vitest: VITEST_REPORT, playwright: PLAYWRIGHT_REPORTS });
  for (const line of lines) console.log(line);
  process.exit(ok ? 0 : 1);
}
