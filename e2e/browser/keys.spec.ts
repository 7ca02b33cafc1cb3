import { expect, test } from "@playwright/test";
import { ADMIN, ADMIN_STATE } from "../support/admin";
import { lookAt } from "../support/look";
import { screenshot } from "../support/screenshots";

test("create a key, copy it from the one-time reveal, then revoke it", async ({ page, request }, testInfo) => {
  await page.goto(`/${ADMIN.slug}/keys`);
  await page.getByRole("button", { name: "Create API key" }).click();

  const create = page.getByRole("dialog", { name: "Create API key" });
  await create.getByLabel("Name").fill("ab");
  await create.getByRole("button", { name: "Create key" }).click();
  await expect(create.getByText("Use at least 3 characters")).toBeVisible();
  await create.getByLabel("Name").fill("Production backend");
  await create.getByLabel("Environment").selectOption("live");
  await create.getByLabel("Expires").selectOption("90d");
  await screenshot(page, testInfo, "create-key-dialog");
  await create.getByRole("button", { name: "Create key" }).click();

  const reveal = page.getByRole("dialog", { name: "Save your API key" });
  const secret = (await reveal.getByTestId("revealed-key").textContent()) ?? "";
  expect(secret).toMatch(/^acme_live_[0-9A-Za-z]{38}$/);
  await screenshot(page, testInfo, "reveal-key-dialog");

  // Esc does not dismiss the only view of the secret.
  await page.keyboard.press("Escape");
  await expect(reveal).toBeVisible();

  await reveal.getByRole("button", { name: "Copy key" }).click();
  await expect(reveal.getByRole("button", { name: "Copy key" })).toContainText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

  // The copied key works.
  const verified = await request.post("/api/v1/keys/verify", { data: { key: secret } });
  expect(await verified.json()).toMatchObject({ valid: true, code: "VALID" });

  await reveal.getByRole("button", { name: "I have saved it" }).click();
  await expect(reveal).toBeHidden();
  // Gone from the page: not in the text, not in any attribute, not after a reload.
  expect(await page.content()).not.toContain(secret);
  const masked = `${secret.slice(0, 14)}…${secret.slice(-4)}`;
  const row = page.getByRole("row", { name: /Production backend/ });
  await expect(row).toContainText(masked);
  await expect(row).toContainText("Live");
  await expect(row).toContainText("Active");
  await expect(row).toContainText("Never");
  await lookAt(page, testInfo, "keys-table");
  await page.reload();
  await expect(row).toContainText(masked);
  expect(await page.content()).not.toContain(secret);

  // Revoke: a live key needs its name typed.
  await row.getByRole("button", { name: "Revoke Production backend" }).click();
  const confirm = page.getByRole("dialog", { name: "Revoke Production backend?" });
  const revokeButton = confirm.getByRole("button", { name: "Revoke key" });
  await expect(revokeButton).toBeDisabled();
  await confirm.getByLabel("Type Production backend to confirm").fill("Production backend");
  await screenshot(page, testInfo, "revoke-key-dialog");
  await revokeButton.click();
  await expect(confirm).toBeHidden();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: /Revoke/ })).toHaveCount(0);
  await screenshot(page, testInfo, "keys-table-revoked");

  const refused = await request.post("/api/v1/keys/verify", { data: { key: secret } });
  expect(await refused.json()).toMatchObject({ valid: false, code: "REVOKED" });
});

test("sign out and sign back in", async ({ browser }) => {
  const context = await browser.newContext({ storageState: ADMIN_STATE });
  const page = await context.newPage();
  await page.goto(`/${ADMIN.slug}/keys`);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/acme\/keys$/);
  await context.close();
});
