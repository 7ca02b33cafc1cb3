import type { Page } from "@playwright/test";

/**
 * Collects every Content-Security-Policy violation a page reports, across navigations: the
 * `securitypolicyviolation` events (listened for by an init script, which CSP does not govern)
 * and Chromium's console errors for refused scripts, styles and frames.
 */
export async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("__reportCspViolation", (line: string) => violations.push(line));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __reportCspViolation(line: string): void }).__reportCspViolation;
      const where = event.sourceFile ? ` (${event.sourceFile}:${event.lineNumber}:${event.columnNumber})` : "";
      report(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} on ${event.documentURI}${where}`);
    });
  });
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) {
      violations.push(`console: ${message.text()}`);
    }
  });
  return violations;
}
