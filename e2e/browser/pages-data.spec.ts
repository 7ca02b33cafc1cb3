import type { Page, Request } from "@playwright/test";
import { expect, keyRow, keyRows, keysUrl, openRowAction, seedKey, test } from "../support/keys-page";
import { lookAt } from "../support/look";

// Screenshots and scans on a shared 2-core machine.
test.describe.configure({ timeout: 120_000 });

/** The /api/v1 reads the page makes, and any hydration mismatch React reports. */
function watch(page: Page) {
  const reads: string[] = [];
  const errors: string[] = [];
  page.on("request", (request: Request) => {
    const url = new URL(request.url());
    if (request.method() === "GET" && url.pathname.startsWith("/api/v1/")) reads.push(`${url.pathname}${url.search}`);
  });
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return {
    reads,
    hydrationErrors: () => errors.filter((text) => /hydrat|did not match|#418|#423|#425/i.test(text)),
  };
}

test("the key table, the key page and the audit log arrive with their data: in the first HTML, nothing fetched on load", async ({
  page,
  owner,
}, testInfo) => {
  const billing = await seedKey(owner, owner.workspace, { name: "Billing export", description: "Nightly invoices" });
  await seedKey(owner, owner.workspace, { name: "Search indexer", environment: "test" });
  const slug = owner.workspace.slug;

  // The server's HTML, fetched with the session cookie and no JavaScript, already holds the rows.
  const tableHtml = await (await owner.api.get(keysUrl(owner))).text();
  expect(tableHtml).toContain("Billing export");
  expect(tableHtml).toContain("Search indexer");
  expect(tableHtml).toContain(billing.maskedKey);
  expect(tableHtml).not.toContain('data-testid="skeleton-row"');
  const keyHtml = await (await owner.api.get(`/${slug}/keys/${billing.id}`)).text();
  expect(keyHtml).toContain("Nightly invoices");
  expect(keyHtml).toContain("Key created");
  const auditHtml = await (await owner.api.get(`/${slug}/audit`)).text();
  expect(auditHtml).toMatch(/data-event-id="/);
  expect(auditHtml).toContain("Billing export");

  // In the browser, hydration takes the rows over without asking the API again, and matches the HTML.
  const watched = watch(page);
  await page.goto(keysUrl(owner));
  await expect(keyRows(page)).toHaveCount(2);
  await page.waitForLoadState("networkidle");
  await lookAt(page, testInfo, "keys-first-html");
  await page.goto(`/${slug}/keys/${billing.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Billing export" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Audit events for this key" })).toContainText("Key created");
  await page.waitForLoadState("networkidle");
  await lookAt(page, testInfo, "key-detail-first-html");
  await page.goto(`/${slug}/audit`);
  await expect(page.locator("tbody tr[data-event-id]")).toHaveCount(3);
  await page.waitForLoadState("networkidle");
  await lookAt(page, testInfo, "audit-first-html");
  expect(watched.reads, "API reads on load").toEqual([]);
  expect(watched.hydrationErrors()).toEqual([]);
});

test("a revoke in the dialog refreshes the table, the key's page and its audit trail, and the audit log", async ({
  page,
  owner,
}) => {
  const billing = await seedKey(owner, owner.workspace, { name: "Billing export" });
  const slug = owner.workspace.slug;
  const watched = watch(page);

  // The key's page first, so its key and trail are in the browser's cache.
  await page.goto(`/${slug}/keys/${billing.id}`);
  const trail = page.getByRole("list", { name: "Audit events for this key" }).getByRole("listitem");
  await expect(trail).toHaveCount(1);
  await page.getByRole("link", { name: "Back to API keys" }).click();
  await expect(keyRows(page)).toHaveCount(1);

  await openRowAction(page, "Billing export", "Revoke");
  const confirm = page.getByRole("dialog", { name: "Revoke Billing export?" });
  await confirm.getByLabel("Type Billing export to confirm").fill("Billing export");
  await confirm.getByRole("button", { name: "Revoke key" }).click();
  await expect(keyRow(page, "Billing export")).toContainText("Revoked");
  // The mutation refreshed the table from the API (its first rows came with the page).
  await expect.poll(() => watched.reads.filter((read) => read.startsWith("/api/v1/keys?")).length).toBeGreaterThan(0);

  // Back on the key's page, from the browser's cache: revoked, and the trail has the revocation.
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: "Billing export" })).toBeVisible();
  await expect(page.getByText("Revoked", { exact: true }).first()).toBeVisible();
  await expect(trail).toHaveCount(2);
  await expect(trail.first()).toContainText("Key revoked");

  await page.getByRole("link", { name: "Audit log", exact: true }).click();
  await expect(page.locator("tbody tr[data-event-id]").first()).toContainText("Key revoked");
  expect(watched.hydrationErrors()).toEqual([]);
});

test("before the page hydrates, its rows are there and the buttons that need JavaScript wait", async ({
  browser,
  owner,
}) => {
  const key = await seedKey(owner, owner.workspace, { name: "Waiting for scripts" });
  // No JavaScript at all: the state a page is in between its HTML and hydration.
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await owner.api.storageState() });
  const page = await context.newPage();
  await page.goto(keysUrl(owner));
  await expect(keyRow(page, "Waiting for scripts")).toBeVisible();
  await expect(page.getByRole("button", { name: "Create API key" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Actions for Waiting for scripts" })).toBeDisabled();
  await page.goto(`/${owner.workspace.slug}/keys/${key.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Waiting for scripts" })).toBeVisible();
  await expect(page.locator("[data-key-action=revoke]")).toBeDisabled();
  await context.close();
});
