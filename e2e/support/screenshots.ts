import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page, TestInfo } from "@playwright/test";

/** Full-page screenshot kept under test-results/screenshots and attached to the report. */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const dir = join("test-results", "screenshots");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

/** One element (a settings card, a dialog) kept under test-results/screenshots and attached to the report. */
export async function screenshotOf(locator: Locator, testInfo: TestInfo, name: string): Promise<void> {
  const dir = join("test-results", "screenshots");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await locator.screenshot({ path });
  await testInfo.attach(name, { path, contentType: "image/png" });
}
