import type { Page } from "@playwright/test";
import { expect, keyRows, keysUrl, seedKey, test } from "../support/keys-page";
import { screenshot } from "../support/screenshots";

/**
 * The key list and the audit log arrive with their filters (and the audit log with its
 * pager) in the first HTML. Until the
 * page's JavaScript has run, a choice there would change the control and nothing else, and
 * be undone by hydration: the filters wait, disabled, and work once it has run. The page's
 * scripts are held back here, as a slow network would.
 */
async function holdScripts(page: Page): Promise<() => void> {
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  // Scripts only: a held stylesheet would hold the page's rendering too.
  await page.route("**/_next/static/chunks/**/*.js", async (route) => {
    await released;
    await route.fallback();
  });
  return release;
}

test("the key list's filters wait for the page's scripts, then filter", async ({ page, owner }, testInfo) => {
  await seedKey(owner, owner.workspace, { name: "Live service", environment: "live" });
  await seedKey(owner, owner.workspace, { name: "Test service", environment: "test" });
  const release = await holdScripts(page);
  await page.goto(keysUrl(owner), { waitUntil: "commit" });
  await expect(keyRows(page)).toHaveCount(2);
  const environment = page.getByRole("combobox", { name: "Environment" });
  for (const name of ["Status", "Environment", "Created by"]) {
    await expect(page.getByRole("combobox", { name })).toBeDisabled();
  }
  await expect(page.getByRole("searchbox", { name: "Search keys by name" })).toBeDisabled();
  await screenshot(page, testInfo, "keys-before-scripts");

  release();
  await expect(environment).toBeEnabled();
  await environment.selectOption("test");
  await expect(page).toHaveURL(/env=test/);
  await expect(keyRows(page)).toHaveCount(1);
  await expect(keyRows(page).first()).toContainText("Test service");
  await screenshot(page, testInfo, "keys-filtered-after-scripts");
});

test("the audit log's filters wait for the page's scripts, then filter", async ({ page, owner }, testInfo) => {
  await seedKey(owner, owner.workspace, { name: "Audited service" });
  const release = await holdScripts(page);
  await page.goto(`/${owner.workspace.slug}/audit`, { waitUntil: "commit" });
  const events = page.locator("tbody tr[data-event-id]");
  // The workspace's creation and the key's.
  await expect(events).toHaveCount(2);
  const action = page.getByRole("combobox", { name: "Action" });
  await expect(action).toBeDisabled();
  await expect(page.getByLabel("From")).toBeDisabled();
  await expect(page.getByLabel("Rows per page")).toBeDisabled();

  release();
  await expect(action).toBeEnabled();
  await action.selectOption("key.created");
  await expect(page).toHaveURL(/action=key\.created/);
  await expect(events).toHaveCount(1);
  await expect(page.getByLabel("Rows per page")).toBeEnabled();
  await screenshot(page, testInfo, "audit-filtered-after-scripts");
});
