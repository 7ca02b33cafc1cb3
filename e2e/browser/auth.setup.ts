import { mkdirSync } from "node:fs";
import { expect, test as setup } from "@playwright/test";
import { ADMIN, ADMIN_STATE } from "../support/admin";
import { savePersonalKey } from "../support/personal-key";
import { screenshot } from "../support/screenshots";

// Signs up once through the real page; the browser projects reuse the saved session.
setup("sign up with a first workspace", async ({ page }, testInfo) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);
  await screenshot(page, testInfo, "sign-in");
  await page.getByRole("link", { name: "Create one" }).click();

  // Nothing is lost on bad input: errors are shown per field and the form keeps its values.
  await page.getByLabel("Your name").fill(ADMIN.name);
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByLabel("Your name")).toHaveValue(ADMIN.name);

  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByLabel("Workspace name").fill("Acme");
  await expect(page.getByLabel("Workspace URL")).toHaveValue(ADMIN.slug);
  await page.getByLabel("Key prefix").fill("acme");
  await expect(page.getByText("acme_live_3f9a…a7b8")).toBeVisible();
  await screenshot(page, testInfo, "sign-up");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page).toHaveURL(/\/acme\/keys$/);
  // The admin's personal key, issued with the account, is revealed once on the first page.
  await savePersonalKey(page);
  await expect(page.getByRole("heading", { name: "No API keys yet" })).toBeVisible();
  await screenshot(page, testInfo, "keys-empty");
  mkdirSync("e2e/.auth", { recursive: true });
  await page.context().storageState({ path: ADMIN_STATE });
});
