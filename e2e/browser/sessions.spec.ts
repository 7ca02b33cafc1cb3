import { expect, test } from "@playwright/test";
import { lookAt } from "../support/look";
import { browserAs, signUpOwner } from "../support/people";
import { screenshotOf } from "../support/screenshots";

test.describe.configure({ timeout: 180_000 });

const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

test("the account page lists your sessions; end another one, or all of them", async ({
  browser,
  baseURL,
}, testInfo) => {
  const owner = await signUpOwner(baseURL!, "Noor Haddad", "Lantern", "ln");
  const here = await browserAs(browser, owner);
  const page = await here.newPage();
  // A second device: its own sign-in, so its own session.
  const signInAs = async (userAgent: string) => {
    // Signed out to begin with, not the setup project's saved admin.
    const context = await browser.newContext({ userAgent, storageState: { cookies: [], origins: [] } });
    const other = await context.newPage();
    await other.goto("/sign-in");
    await other.getByLabel("Email").fill(owner.email);
    await other.getByLabel("Password").fill("correct-horse-battery");
    await other.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(other).toHaveURL(new RegExp(`/${owner.workspace.slug}/`));
    return { context, page: other };
  };
  const laptop = await signInAs(FIREFOX);

  await page.goto("/account");
  const card = page.getByRole("region", { name: "Sessions" });
  const list = card.getByRole("list", { name: "Your sessions" });
  // The sign-up's session (shared by this browser and owner.api) and the laptop's.
  await expect(list.getByRole("listitem")).toHaveCount(2);
  const current = list.getByRole("listitem").filter({ hasText: "This device" });
  await expect(current).toHaveCount(1);
  await expect(current).not.toContainText("Firefox");
  const firefox = list.getByRole("listitem", { name: "Firefox on Linux" });
  await expect(firefox).toContainText(/Signed in .* · Last active/);
  await screenshotOf(card, testInfo, "account-sessions-card");
  await lookAt(page, testInfo, "account-sessions");

  // End the laptop's session: its next request is signed out.
  await firefox.getByRole("button", { name: /^End session on Firefox on Linux/ }).click();
  await expect(page.getByText("Signed out Firefox on Linux")).toBeVisible();
  await expect(list.getByRole("listitem", { name: "Firefox on Linux" })).toHaveCount(0);
  expect((await laptop.page.request.get("/api/v1/me")).status()).toBe(401);
  await laptop.page.reload();
  await expect(laptop.page).toHaveURL(/\/sign-in/);

  // Another device, then "sign out all other sessions": only this one is left.
  const phone = await signInAs("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36");
  await page.reload();
  await expect(list.getByRole("listitem", { name: "Chrome on Android" })).toBeVisible();
  await card.getByRole("button", { name: "Sign out all other sessions" }).click();
  await expect(page.getByText("Signed out of every other session")).toBeVisible();
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(card.getByRole("button", { name: "Sign out all other sessions" })).toBeDisabled();
  expect((await phone.page.request.get("/api/v1/me")).status()).toBe(401);
  // This device is still signed in.
  expect((await page.request.get("/api/v1/me")).status()).toBe(200);
  await Promise.all([laptop.context.close(), phone.context.close(), here.close()]);
});
