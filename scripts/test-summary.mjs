// Prints one closing line for the whole suite from Vitest's and Playwright's JSON reports.
import { readFileSync } from "node:fs";

const read = (path) => JSON.parse(readFileSync(path, "utf8"));
const vitest = read("test-results/vitest.json");
// scripts/test-all.sh runs the PostgreSQL project on its own, into a report of its own.
const playwright = ["test-results/playwright-postgres.json", "test-results/playwright.json"]
  .map((path) => read(path).stats)
  .reduce((sum, stats) => ({
    expected: sum.expected + stats.expected,
    unexpected: sum.unexpected + stats.unexpected,
    flaky: sum.flaky + stats.flaky,
    skipped: sum.skipped + stats.skipped,
  }));

const passed = vitest.numPassedTests + playwright.expected;
const failed = vitest.numFailedTests + playwright.unexpected;
const skipped = vitest.numPendingTests + playwright.skipped;
console.log(`unit ${vitest.numPassedTests}, HTTP and browser ${playwright.expected} (flaky ${playwright.flaky})`);
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
