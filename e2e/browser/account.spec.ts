import { expect, test } from "@playwright/test";
import { bearer, json } from "../support/api";
import { lookAt } from "../support/look";
import { browserAs, signUpOwner, signUpPerson } from "../support/people";

// Each lookAt runs axe in light and dark: these journeys take longer than the default 30 s.
test.describe.configure({ timeout: 180_000 });

test("edit your name; create, copy and rotate your personal key", async ({ browser, baseURL }, testInfo) => {
  const owner = await signUpOwner(baseURL!, "Grace Brewster", "Harbor", "hb");
  const context = await browserAs(browser, owner);
  const page = await context.newPage();
  await page.goto(`/${owner.workspace.slug}/keys`);
  await page.getByRole("link", { name: `${owner.email} · owner` }).click();
  await expect(page).toHaveURL(/\/account\?from=/);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Workspaces" }).getByRole("link", { name: /Harbor/ })).toBeVisible();
  await lookAt(page, testInfo, "account");

  // Profile: the name is checked in place, saved through better-auth, and shown everywhere afterwards.
  const profile = page.getByRole("region", { name: "Profile" });
  await expect(profile.getByLabel("Email")).toHaveValue(owner.email);
  await expect(profile.getByLabel("Email")).toHaveAttribute("readonly", "");
  await profile.getByLabel("Name").fill("   ");
  await profile.getByRole("button", { name: "Save" }).click();
  await expect(profile.getByText("Enter your name")).toBeVisible();
  await profile.getByLabel("Name").fill("Grace Hopper");
  await profile.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Your name was updated")).toBeVisible();
  await expect(profile.getByRole("button", { name: "Save" })).toBeDisabled();
  expect((await json(await page.request.get("/api/v1/me"), 200)).user.name).toBe("Grace Hopper");
  await page.reload();
  await expect(page.getByRole("region", { name: "Profile" }).getByLabel("Name")).toHaveValue("Grace Hopper");

  // Personal key: created and revealed once, with the same dialog and copy button as workspace keys.
  const card = page.getByRole("region", { name: "Personal API key" });
  await expect(card).toContainText("You have no personal key yet");
  await card.getByRole("button", { name: "Create personal key" }).click();
  const reveal = page.getByRole("dialog", { name: "Save your API key" });
  const first = (await reveal.getByTestId("revealed-key").textContent()) ?? "";
  expect(first).toMatch(/^user_live_[0-9A-Za-z]{38}$/);
  await lookAt(page, testInfo, "account-reveal-dialog");
  await reveal.getByRole("button", { name: /^Copy/ }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first);
  await reveal.getByRole("button", { name: "I have saved it" }).click();
  await expect(reveal).toBeHidden();
  await expect(card.getByTestId("personal-masked-key")).toHaveText(`${first.slice(0, 14)}…${first.slice(-4)}`);
  expect(await page.content()).not.toContain(first);

  // Rotation asks for the grace period, then reveals the new secret once.
  await card.getByRole("button", { name: "Rotate personal key" }).click();
  const rotate = page.getByRole("dialog", { name: "Rotate your personal key?" });
  await expect(rotate).toContainText(`${first.slice(0, 14)}…${first.slice(-4)}`);
  await rotate.getByLabel("Old key keeps working for").selectOption("1h");
  await lookAt(page, testInfo, "account-rotate-dialog");
  await rotate.getByRole("button", { name: "Rotate key" }).click();
  const second = (await reveal.getByTestId("revealed-key").textContent()) ?? "";
  expect(second).toMatch(/^user_live_/);
  expect(second).not.toBe(first);
  await reveal.getByRole("button", { name: "I have saved it" }).click();
  await expect(card.getByTestId("personal-masked-key")).toHaveText(`${second.slice(0, 14)}…${second.slice(-4)}`);
  // Both work during the grace hour, as the signed-in person.
  for (const key of [first, second]) {
    const me = await json(await owner.api.get("/api/v1/me", { headers: bearer(key) }), 200);
    expect(me).toMatchObject({
      type: "key",
      user: { name: "Grace Hopper" },
      workspace: { slug: owner.workspace.slug },
    });
  }

  await page.getByRole("link", { name: "Back to Harbor" }).click();
  await expect(page).toHaveURL(new RegExp(`/${owner.workspace.slug}/keys$`));
  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await context.close();
});

test("create a second workspace from the switcher and switch between them with the keyboard", async ({
  browser,
  baseURL,
}, testInfo) => {
  const owner = await signUpOwner(baseURL!, "Sam Switcher", "First Light", "fl");
  const context = await browserAs(browser, owner);
  const page = await context.newPage();
  await page.goto(`/${owner.workspace.slug}/keys`);
  // Keyboard focus lands in the menu once the page is interactive.
  await page.waitForLoadState("networkidle");
  const switcher = page.getByRole("button", { name: /Switch workspace/ });
  await switcher.focus();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu");
  await expect(menu).toBeVisible();
  // Home always lands on the first workspace (Radix may focus the menu itself before its items register).
  await page.keyboard.press("Home");
  await expect(menu.getByRole("menuitem", { name: /First Light/ })).toBeFocused();
  await lookAt(page, testInfo, "workspace-switcher");
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "Create workspace" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/new$/);

  await expect(page.getByRole("heading", { name: "Create a workspace" })).toBeVisible();
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByText("Use at least 2 characters").first()).toBeVisible();
  await lookAt(page, testInfo, "new-workspace");
  const slug = `second-lab-${Date.now().toString(36)}`;
  await page.getByLabel("Workspace name").fill("Second Lab");
  await page.getByLabel("Workspace URL").fill(slug);
  await page.getByLabel("Key prefix").fill("lab");
  await expect(page.getByText("lab_live_3f9a…a7b8")).toBeVisible();
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(new RegExp(`/${slug}/keys$`));
  await expect(page.getByTestId("workspace-name")).toHaveText("Second Lab");
  await page.waitForLoadState("networkidle");

  // Back to the first one, keyboard only: open, arrow to it, Enter.
  await switcher.focus();
  await page.keyboard.press("Enter");
  await expect(menu).toBeVisible();
  await page.keyboard.press("Home");
  await expect(menu.getByRole("menuitem", { name: /First Light/ })).toBeFocused();
  await expect(menu.getByRole("menuitem", { name: /Second Lab/ })).toHaveAttribute("aria-current", "page");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/${owner.workspace.slug}/keys$`));
  await expect(page.getByTestId("workspace-name")).toHaveText("First Light");
  await page.waitForLoadState("networkidle");

  // And forward again with the arrow keys.
  await switcher.focus();
  await page.keyboard.press("ArrowDown");
  await expect(menu).toBeVisible();
  await page.keyboard.press("End");
  await expect(menu.getByRole("menuitem", { name: "Create workspace" })).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(menu.getByRole("menuitem", { name: /Second Lab/ })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/${slug}/keys$`));
  await context.close();
});

test("sign-in and sign-up explain what is wrong, in place", async ({ browser, baseURL }, testInfo) => {
  const person = await signUpPerson(baseURL!, "Nora Newcomer");
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await lookAt(page, testInfo, "sign-in");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("Enter your email")).toBeVisible();
  await expect(page.getByText("Enter your password")).toBeVisible();
  await page.getByLabel("Email").fill("nora@");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText(/invalid email or password/i)).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(person.email);
  await lookAt(page, testInfo, "sign-in-error");

  await page.getByRole("link", { name: "Create one" }).click();
  await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter your name")).toBeVisible();
  await expect(page.getByText("Use at least 8 characters")).toBeVisible();
  await lookAt(page, testInfo, "sign-up");
  // An address that already has an account is refused, and nothing typed is lost.
  await page.getByLabel("Your name").fill("Nora Again");
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill("long-enough-password");
  await page.getByLabel("Workspace name").fill("Nora's Lab");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText(/already exists/i)).toBeVisible();
  await expect(page.getByLabel("Workspace name")).toHaveValue("Nora's Lab");
  await context.close();
});
