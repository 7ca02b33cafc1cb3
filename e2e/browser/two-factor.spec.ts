import { expect, type Page, test } from "@playwright/test";
import { PASSWORD } from "../support/api";
import { lookAt } from "../support/look";
import { browserAs, signUpOwner } from "../support/people";
import { totpCode } from "../support/totp";

// Each lookAt runs axe in light and dark: this journey takes longer than the default 30 s.
test.describe.configure({ timeout: 180_000 });

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

async function signInWithPassword(page: Page, email: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test("turn on an authenticator app, sign in with its codes and a backup code, turn it off", async ({
  browser,
  baseURL,
}, testInfo) => {
  const owner = await signUpOwner(baseURL!, "Hedy Lamarr", "Spectrum");
  const context = await browserAs(browser, owner);
  const page = await context.newPage();
  await page.goto("/account");
  const card = page.getByRole("region", { name: "Two-factor authentication" });
  await expect(card).toContainText("Off: your password alone signs you in.");

  // Setup: the password first (a wrong one is refused), then the QR code and the secret as text.
  await card.getByRole("button", { name: "Set up an authenticator app" }).click();
  await card.getByLabel("Your password").fill("not-the-password");
  await card.getByRole("button", { name: "Continue" }).click();
  await expect(card.getByRole("alert")).toContainText(/password/i);
  await card.getByLabel("Your password").fill(PASSWORD);
  await card.getByRole("button", { name: "Continue" }).click();
  await expect(card.getByRole("img", { name: "QR code to scan with your authenticator app" })).toBeVisible();
  const secret = ((await card.getByTestId("totp-secret").textContent()) ?? "").replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{16,}=*$/);
  await lookAt(page, testInfo, "account-two-factor-setup");

  // A wrong code keeps it off; the app's code turns it on and shows the backup codes once.
  const wrong = String((Number(totpCode(secret)) + 1) % 1_000_000).padStart(6, "0");
  await card.getByLabel("Code from the app").fill(wrong);
  await card.getByRole("button", { name: "Turn on" }).click();
  await expect(card.getByRole("alert")).toBeVisible();
  await card.getByLabel("Code from the app").fill(totpCode(secret));
  await card.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByText("Two-factor authentication is on")).toBeVisible();
  const codes = await card.getByTestId("backup-code").allTextContents();
  expect(codes.length).toBeGreaterThanOrEqual(8);
  await card.getByRole("button", { name: "Copy codes" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${codes.join("\n")}\n`);
  await card.getByRole("button", { name: "I saved them" }).click();
  await expect(card.getByTestId("backup-code")).toHaveCount(0);
  await expect(card).toContainText("Authenticator app is on");
  await page.reload();
  await expect(card).toContainText("Authenticator app is on");

  // Signing in now stops after the password and asks for the code.
  await signOut(page);
  await signInWithPassword(page, owner.email);
  await expect(page.getByRole("heading", { name: "Two-factor authentication" })).toBeVisible();
  await lookAt(page, testInfo, "sign-in-two-factor-step");
  await page.getByLabel("Code").fill(totpCode(secret));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(new RegExp(`/${owner.workspace.slug}/keys`));
  // The first sign-in of an account without a personal key issues one after the second step too.
  await page
    .getByRole("dialog", { name: "Save your API key" })
    .getByRole("button", { name: "I have saved it" })
    .click();

  // A backup code signs in once; the same code a second time is refused.
  await signOut(page);
  await signInWithPassword(page, owner.email);
  await page.getByRole("button", { name: "Use a backup code" }).click();
  await page.getByLabel("Backup code").fill(codes[0]);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(new RegExp(`/${owner.workspace.slug}/keys`));
  await signOut(page);
  await signInWithPassword(page, owner.email);
  await page.getByRole("button", { name: "Use a backup code" }).click();
  await page.getByLabel("Backup code").fill(codes[0]);
  await page.getByRole("button", { name: "Verify" }).click();
  // By its words: Next's route announcer is an alert too once it has announced a page.
  await expect(page.getByRole("alert").filter({ hasText: "Invalid backup code" })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("Backup code").fill(codes[1]);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(new RegExp(`/${owner.workspace.slug}/keys`));

  // New backup codes (after the password; Cancel backs out) replace the old ones.
  await page.goto("/account");
  await card.getByRole("button", { name: "New backup codes…" }).click();
  await card.getByRole("button", { name: "Cancel" }).click();
  await expect(card).toContainText("Authenticator app is on");
  await card.getByRole("button", { name: "New backup codes…" }).click();
  await card.getByLabel("Your password").fill(PASSWORD);
  await card.getByRole("button", { name: "Make new codes" }).click();
  await expect(page.getByText("New backup codes: the old ones no longer work")).toBeVisible();
  const fresh = await card.getByTestId("backup-code").allTextContents();
  expect(fresh.length).toBeGreaterThanOrEqual(8);
  expect(fresh).not.toContain(codes[2]);
  await card.getByRole("button", { name: "I saved them" }).click();
  await signOut(page);
  await signInWithPassword(page, owner.email);
  await page.getByRole("button", { name: "Use a backup code" }).click();
  await page.getByLabel("Backup code").fill(codes[2]);
  await page.getByRole("button", { name: "Verify" }).click();
  // Named by its text: Next's route announcer is an alert too.
  await expect(page.getByRole("alert").filter({ hasText: "Invalid backup code" })).toBeVisible();
  await page.getByLabel("Backup code").fill(fresh[0]);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(new RegExp(`/${owner.workspace.slug}/keys`));

  // Turning it off needs the password; then the password alone signs in again.
  await page.goto("/account");
  await card.getByRole("button", { name: "Turn off…" }).click();
  await card.getByLabel("Your password").fill(PASSWORD);
  await card.getByRole("button", { name: "Turn off" }).click();
  await expect(page.getByText("Two-factor authentication is off")).toBeVisible();
  await expect(card.getByRole("button", { name: "Set up an authenticator app" })).toBeVisible();
  await signOut(page);
  await signInWithPassword(page, owner.email);
  await expect(page).toHaveURL(new RegExp(`/${owner.workspace.slug}/keys`));
  await context.close();
});
