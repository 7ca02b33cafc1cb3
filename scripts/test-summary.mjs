// Prints one closing line for the whole suite from Vitest's and Playwright's JSON reports.
import { readFileSync } from "node:fs";

const read = (path) => JSON.parse(readFileSync(path, "utf8"));
const vitest = read("test-results/vitest.json");
const playwright = read("test-results/playwright.json");

const passed = vitest.numPassedTests + playwright.stats.expected;
const failed = vitest.numFailedTests + playwright.stats.unexpected;
const skipped = vitest.numPendingTests + playwright.stats.skipped;
console.log(
  `unit ${vitest.numPassedTests}, HTTP and browser ${playwright.stats.expected} (flaky ${playwright.stats.flaky})`,
);
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
