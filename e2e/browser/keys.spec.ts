import { test as adminTest } from "@playwright/test";
import { ADMIN, ADMIN_STATE } from "../support/admin";
import { expect, keyRow, keysUrl, masked, test } from "../support/keys-page";
import { lookAt } from "../support/look";

test("create a key with scopes, a custom expiry and an IP allowlist; copy it from the one-time reveal", async ({
  page,
  request,
  owner,
}, testInfo) => {
  test.slow(); // two accessibility scans and screenshots per dialog
  await page.goto(keysUrl(owner));
  await expect(page.getByRole("heading", { name: "No API keys yet" })).toBeVisible();
  await lookAt(page, testInfo, "keys-empty");
  await page.getByRole("button", { name: "Create your first key" }).click();

  const create = page.getByRole("dialog", { name: "Create API key" });
  await expect(create.getByLabel("Name")).toBeFocused();
  // The form is checked by the API's own schema: field errors inline, nothing typed is lost.
  await create.getByLabel("Name").fill("ab");
  await create.getByLabel("Description (optional)").fill("Charges cards for the shop");
  await create.getByRole("button", { name: "Create key" }).click();
  await expect(create.getByText("Use at least 3 characters")).toBeVisible();
  await expect(create.getByLabel("Description (optional)")).toHaveValue("Charges cards for the shop");

  await create.getByLabel("Name").fill("Billing worker");
  await create.getByRole("radio", { name: /Test/ }).check();
  await create.getByRole("radio", { name: /Live/ }).check();

  // Scopes: only what the viewer holds, grouped by resource; "Read only" is the default.
  await expect(create.getByRole("checkbox", { name: /keys\.read/ })).toBeChecked();
  await expect(create.getByRole("checkbox", { name: /keys\.write/ })).not.toBeChecked();
  await create.getByRole("button", { name: "None" }).click();
  await create.getByRole("checkbox", { name: /keys\.read/ }).check();
  await create.getByRole("checkbox", { name: /audit\.read/ }).check();
  await expect(create.getByText("2 of 8 selected")).toBeVisible();
  // keys.verify is offered with what it is for.
  await expect(create.getByRole("checkbox", { name: "keys.verify" })).not.toBeChecked();
  await expect(create.getByText(/a verifier key, sent by your service to \/keys\/verify/)).toBeVisible();

  // Expiry: a custom date.
  const expiry = new Date(Date.now() + 20 * 24 * 3600 * 1000);
  const isoDate = `${expiry.getFullYear()}-${String(expiry.getMonth() + 1).padStart(2, "0")}-${String(expiry.getDate()).padStart(2, "0")}`;
  await create.getByLabel("Expires").selectOption("custom");
  await create.getByRole("button", { name: "Create key" }).click();
  await expect(create.getByText("Pick the last day the key works")).toBeVisible();
  await create.getByLabel("Expiry date").fill(isoDate);

  // A bad allowlist line is named inline when the field is left, and cleared as it is fixed.
  const allowlist = create.getByLabel("IP allowlist (optional)");
  await allowlist.fill("203.0.113.0/24\n10.0.0.300");
  await allowlist.blur();
  await expect(create.getByText('Line 2: "10.0.0.300" is not an IPv4 or IPv6 address or CIDR range')).toBeVisible();
  await expect(allowlist).toHaveAttribute("aria-invalid", "true");
  await lookAt(page, testInfo, "create-key-dialog");
  await create.getByRole("button", { name: "Create key" }).click();
  await expect(create).toBeVisible();
  await allowlist.fill("203.0.113.0/24\n2001:db8::/32");
  await expect(create.getByText(/Line 2/)).toBeHidden();
  await create.getByRole("button", { name: "Create key" }).click();

  const reveal = page.getByRole("dialog", { name: "Save your API key" });
  const secret = (await reveal.getByTestId("revealed-key").textContent()) ?? "";
  expect(secret).toMatch(/^acme_live_[0-9A-Za-z]{38}$/);
  await lookAt(page, testInfo, "reveal-key-dialog");
  await reveal.getByRole("button", { name: "Copy" }).click();
  await expect(reveal.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

  // The copied key works, with the scopes, allowlist and expiry chosen.
  const allowed = await request.post("/api/v1/keys/verify", { data: { key: secret, ip: "203.0.113.9" } });
  expect(await allowed.json()).toMatchObject({ valid: true, scopes: ["keys.read", "audit.read"] });
  const expiresAt = new Date((await allowed.json()).expiresAt);
  expect(expiresAt.getDate()).toBe(expiry.getDate());
  const blocked = await request.post("/api/v1/keys/verify", { data: { key: secret, ip: "198.51.100.1" } });
  expect(await blocked.json()).toMatchObject({ valid: false, code: "IP_NOT_ALLOWED" });

  await reveal.getByRole("button", { name: "I have saved it" }).click();
  await expect(reveal).toBeHidden();
  // Gone from the page: not in the text, not in any attribute, not after a reload.
  expect(await page.content()).not.toContain(secret);
  const row = keyRow(page, "Billing worker");
  await expect(row).toContainText(masked(secret));
  await expect(row).toContainText("Live");
  await expect(row).toContainText("Charges cards for the shop");
  await expect(row).toContainText("keys.read");
  await expect(row).toContainText("audit.read");
  await expect(row).toContainText("Active");
  await expect(row).toContainText(/expires in 2[01] days/);
  await expect(row).toContainText(`by ${owner.name}`);
  await expect(row).toContainText("Never used");
  await page.reload();
  await expect(row).toContainText(masked(secret));
  expect(await page.content()).not.toContain(secret);

  // The last use shows up, with its address on hover.
  await expect(async () => {
    await page.reload();
    await expect(row).toContainText("203.0.113.9", { timeout: 5000 });
  }).toPass();
  await row.getByRole("cell").nth(4).locator("time").hover(); // Last used
  await expect(page.getByRole("tooltip")).toContainText("from 203.0.113.9");
});

test("the server's refusal is shown in the form, with everything typed kept", async ({ page, owner }) => {
  await page.route("**/api/v1/keys", async (route) => {
    if (route.request().method() !== "POST") return route.fallback();
    await route.fulfill({
      status: 400,
      contentType: "application/json",
      body: JSON.stringify({
        error: {
          code: "VALIDATION_FAILED",
          message: "Invalid request",
          details: { issues: [{ field: "name", message: "A key with this name already exists" }] },
        },
      }),
    });
  });
  await page.goto(keysUrl(owner));
  await page.getByRole("button", { name: "Create API key" }).click();
  const create = page.getByRole("dialog", { name: "Create API key" });
  await create.getByLabel("Name").fill("Duplicate name");
  await create.getByLabel("Description (optional)").fill("kept");
  await create.getByRole("button", { name: "Create key" }).click();
  await expect(create.getByText("A key with this name already exists")).toBeVisible();
  await expect(create.getByRole("alert").filter({ hasText: "Invalid request" })).toBeVisible();
  await expect(create.getByLabel("Name")).toHaveValue("Duplicate name");
  await expect(create.getByLabel("Description (optional)")).toHaveValue("kept");
});

adminTest("sign out and sign back in", async ({ browser }) => {
  const context = await browser.newContext({ storageState: ADMIN_STATE });
  const page = await context.newPage();
  await page.goto(`/${ADMIN.slug}/keys`);
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  // Named by its text: Next's route announcer is an alert too.
  await expect(page.getByRole("alert").filter({ hasText: "Invalid email or password" })).toBeVisible();
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/acme\/keys$/);
  await context.close();
});
