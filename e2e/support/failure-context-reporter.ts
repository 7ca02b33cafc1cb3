import { readFileSync } from "node:fs";
import type { Reporter, TestCase, TestResult } from "@playwright/test/reporter";

const MAX_CHARS = 6_000;

/**
 * Prints the page a test failed on (the accessibility snapshot from Playwright's
 * error-context file) into the log. CI keeps only the log, not test-results/, so without
 * this a failure that happens once in many runs leaves nothing to read.
 */
export default class FailureContextReporter implements Reporter {
  onTestEnd(test: TestCase, result: TestResult) {
    if (result.status === "passed" || result.status === "skipped") return;
    const context = result.attachments.find((attachment) => attachment.name === "error-context" && attachment.path);
    const snapshot = context?.path ? pageSnapshot(context.path) : null;
    if (!snapshot) return;
    const shown = snapshot.length > MAX_CHARS ? `${snapshot.slice(0, MAX_CHARS)}\n… (cut)` : snapshot;
    const title = test.titlePath().filter(Boolean).join(" › ");
    process.stdout.write(
      `\n--- the page when “${title}” failed (try ${result.retry + 1}) ---\n${shown}\n--- end ---\n`,
    );
  }
}

/** The YAML block of an error-context file; the rest repeats the error and the test's source. */
function pageSnapshot(path: string): string | null {
  try {
    return readFileSync(path, "utf8").match(/```yaml\n([\s\S]*?)```/)?.[1] ?? null;
  } catch {
    return null;
  }
}
