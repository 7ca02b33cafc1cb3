import { expect, test } from "@playwright/test";
import { ADMIN } from "../support/admin";
import { adminApi } from "../support/admin-api";
import { createKey, json } from "../support/api";
import { lookAt } from "../support/look";

// Several light/dark accessibility scans and screenshots on a shared 2-core machine.
test.describe.configure({ timeout: 120_000 });

const SERVICE_IP = "203.0.113.7";
const SERVICE_AGENT = "checkout-service/2.1 (+https://example.com)";

test("key detail: usage chart and table, last use, ranges and the audit trail", async ({
  page,
  request,
  baseURL,
}, testInfo) => {
  const api = await adminApi(baseURL!);
  const key = await createKey(api, {
    name: "Checkout service",
    description: "Charges cards at checkout",
    scopes: ["keys.read", "audit.read"],
    ipAllowlist: ["203.0.113.0/24"],
  });
  const check = (data: Record<string, unknown>, userAgent: string) =>
    request.post("/api/v1/keys/verify", { data: { key: key.key, ...data }, headers: { "user-agent": userAgent } });
  // 2 failures (missing scope, address outside the allowlist), 4 successes; the last success sets "last used".
  expect(await (await check({ requiredScopes: ["keys.write"], ip: SERVICE_IP }, "other/1")).json()).toMatchObject({
    code: "INSUFFICIENT_SCOPE",
  });
  expect(await (await check({ ip: "198.51.100.9" }, "other/1")).json()).toMatchObject({ code: "IP_NOT_ALLOWED" });
  for (let i = 0; i < 4; i++) {
    expect(await (await check({ ip: SERVICE_IP, requiredScopes: ["keys.read"] }, SERVICE_AGENT)).json()).toMatchObject({
      valid: true,
    });
  }
  await json(await api.patch(`/api/v1/keys/${key.id}`, { data: { name: "Checkout API" } }), 200);
  // The server flushes usage every 500 ms.
  await expect
    .poll(async () => (await json(await api.get(`/api/v1/keys/${key.id}/usage?range=24h`), 200)).totals)
    .toEqual({ success: 4, failure: 2 });

  await page.goto(`/${ADMIN.slug}/keys/${key.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Checkout API" })).toBeVisible();
  await expect(page.getByText("Charges cards at checkout")).toBeVisible();
  await expect(page.getByText(`${key.key.slice(0, 14)}…${key.key.slice(-4)}`)).toBeVisible();
  await expect(page.getByTestId("usage-total-success")).toHaveText("4");
  await expect(page.getByTestId("usage-total-failure")).toHaveText("2");
  await expect(page.getByTestId("usage-success-rate")).toHaveText("66.7%");
  await expect(page.getByTestId("last-used-ip")).toHaveText(SERVICE_IP);
  await expect(page.getByTestId("last-used-user-agent")).toHaveText(SERVICE_AGENT);
  const details = page.getByRole("region", { name: "Details" });
  await expect(details).toContainText("keys.read");
  await expect(details).toContainText("203.0.113.0/24");
  await expect(details).toContainText(`by ${ADMIN.name}`);

  // The audit trail: created, then renamed, newest first, by the admin.
  const trail = page.getByRole("list", { name: "Audit events for this key" }).getByRole("listitem");
  await expect(trail).toHaveCount(2);
  await expect(trail.nth(0)).toContainText("Key updated");
  await expect(trail.nth(0)).toContainText("Changed name");
  await expect(trail.nth(1)).toContainText("Key created");
  await expect(trail.nth(1)).toContainText(ADMIN.name);
  await expect(trail.nth(1)).toContainText(ADMIN.email);

  await lookAt(page, testInfo, "key-detail");

  // The numbers behind the chart: 24 hours, this hour holding all six checks.
  await page.getByRole("button", { name: "Show data table" }).click();
  const table = page.getByRole("table", { name: "Verifications per hour, last 24 hours" });
  await expect(table.locator("tbody tr")).toHaveCount(24);
  await expect(table.locator("tbody tr").first().getByRole("cell")).toHaveText(["4", "2"]);
  await expect(table.locator("tfoot tr")).toHaveText(/Total\s*4\s*2/);

  for (const [label, range, rows, caption] of [
    ["7 days", "7d", 7, "Verifications per day, last 7 days"],
    ["30 days", "30d", 30, "Verifications per day, last 30 days"],
  ] as const) {
    await page.getByRole("button", { name: label }).click();
    await expect(page).toHaveURL(new RegExp(`\\?range=${range}$`));
    const daily = page.getByRole("table", { name: caption });
    await expect(daily.locator("tbody tr")).toHaveCount(rows);
    await expect(daily.locator("tfoot tr")).toHaveText(/Total\s*4\s*2/);
    await expect(page.getByTestId("usage-total-success")).toHaveText("4");
  }
  await expect(page.getByRole("button", { name: "30 days" })).toHaveAttribute("aria-pressed", "true");
  // The range survives a reload (it is in the URL).
  await page.reload();
  await expect(page.getByRole("button", { name: "30 days" })).toHaveAttribute("aria-pressed", "true");

  await page.getByRole("link", { name: "Back to API keys" }).click();
  await expect(page).toHaveURL(new RegExp(`/${ADMIN.slug}/keys$`));
});

test("key detail: never used, in a rotation grace period, and recovering from a failed load", async ({
  page,
  baseURL,
}, testInfo) => {
  const api = await adminApi(baseURL!);
  const key = await createKey(api, { name: "Nightly export", environment: "test" });
  const rotated = await json(await api.post(`/api/v1/keys/${key.id}/rotate`, { data: { gracePeriod: "24h" } }), 201);

  // The page arrives with its 24-hour usage; another range is asked of the API, whose first
  // two answers fail (the query retries once) before the server answers again.
  let failures = 0;
  await page.route(`**/api/v1/keys/${key.id}/usage**`, (route) =>
    failures++ < 2
      ? route.fulfill({ status: 503, json: { error: { code: "INTERNAL", message: "Service unavailable" } } })
      : route.continue(),
  );
  await page.goto(`/${ADMIN.slug}/keys/${key.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Nightly export" })).toBeVisible();
  await expect(page.getByText("No verifications yet")).toBeVisible();
  expect(failures).toBe(0);
  await page.getByRole("button", { name: "7 days" }).click();
  const usageError = page.getByRole("alert").filter({ hasText: "Could not load usage" });
  await expect(usageError).toContainText("Service unavailable");
  await usageError.getByRole("button", { name: "Try again" }).click();
  await expect(usageError).toBeHidden();

  await expect(page.getByText("No verifications yet")).toBeVisible();
  await expect(page.getByTestId("usage-total-success")).toHaveText("0");
  await expect(page.getByTestId("usage-success-rate")).toHaveText("—");
  await expect(page.getByRole("region", { name: "Last used" })).toContainText("Never used");
  await expect(page.getByText("In grace")).toBeVisible();
  await expect(page.getByText(/This old key stops working in 2[34] hours/)).toBeVisible();
  const trail = page.getByRole("list", { name: "Audit events for this key" }).getByRole("listitem");
  await expect(trail.first()).toContainText("Key rotated");
  await expect(trail.first()).toContainText("Grace period 1 day");
  await lookAt(page, testInfo, "key-detail-unused-in-grace");

  await page.getByRole("link", { name: "View the replacement key" }).click();
  await expect(page).toHaveURL(new RegExp(`/keys/${rotated.id}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Nightly export" })).toBeVisible();
  await expect(page.getByText("Active")).toBeVisible();
});

test("key detail: an unknown key is a 404 page with a way back", async ({ page }, testInfo) => {
  const response = await page.goto(`/${ADMIN.slug}/keys/key_doesnotexist`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Key not found" })).toBeVisible();
  await lookAt(page, testInfo, "key-detail-not-found");
  await page.getByRole("link", { name: "Back to API keys" }).click();
  await expect(page).toHaveURL(new RegExp(`/${ADMIN.slug}/keys$`));
});
