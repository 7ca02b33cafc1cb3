import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { anonymous, json, PASSWORD, verify } from "../support/api";
import { lookAt } from "../support/look";
import { signUpOwner } from "../support/people";
import { screenshot } from "../support/screenshots";

// Each lookAt runs axe in light and dark: these journeys take longer than the default 30 s.
test.describe.configure({ timeout: 180_000 });
test.use({ storageState: { cookies: [], origins: [] } });

const masked = (secret: string) => `${secret.slice(0, 14)}…${secret.slice(-4)}`;

test("sign-up issues the personal key: revealed once on the first page; revoked and created again on /account", async ({
  page,
  baseURL,
}, testInfo) => {
  const email = `mutx-${randomUUID().slice(0, 8)}@example.com`;
  const slug = `relay-${randomUUID().slice(0, 6)}`;
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Mia Mutx");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Workspace name").fill("Relay");
  await page.getByLabel("Workspace URL").fill(slug);
  await page.getByLabel("Key prefix").fill("rl");
  await page.getByRole("button", { name: "Create account" }).click();

  // The first page after sign-up: the personal key already exists, its secret shown once.
  await expect(page).toHaveURL(new RegExp(`/${slug}/keys$`));
  const reveal = page.getByRole("dialog", { name: "Save your API key" });
  await expect(reveal).toContainText("Your personal API key, issued with your account");
  const secret = (await reveal.getByTestId("revealed-key").textContent()) ?? "";
  expect(secret).toMatch(/^user_live_[0-9A-Za-z]{38}$/);
  await expect(reveal).toContainText(masked(secret));
  await screenshot(page, testInfo, "personal-key-after-sign-up");
  await lookAt(page, testInfo, "personal-key-after-sign-up");

  // It is a real key: it verifies and authenticates as the new user in their workspace.
  const machine = await anonymous(baseURL!);
  expect(await verify(machine, { key: secret })).toMatchObject({ valid: true });
  const me = await json(await machine.get("/api/v1/me", { headers: { authorization: `Bearer ${secret}` } }), 200);
  expect(me).toMatchObject({ type: "key", key: { kind: "personal" }, user: { name: "Mia Mutx" }, role: "owner" });
  // The server has it (metadata only); the secret is in no URL and nowhere in the stored key.
  const stored = await json(await page.request.get("/api/v1/me/key"), 200);
  expect(stored.key).toMatchObject({ kind: "personal", maskedKey: masked(secret) });
  expect(JSON.stringify(stored)).not.toContain(secret);
  expect(page.url()).not.toContain(secret);

  await reveal.getByRole("button", { name: /^Copy/ }).click();
  await reveal.getByRole("button", { name: "I have saved it" }).click();
  await expect(reveal).toBeHidden();
  expect(await page.content()).not.toContain(secret);
  // Once: a reload does not show it again.
  await page.reload();
  await expect(page.getByRole("heading", { name: "No API keys yet" })).toBeVisible();
  await expect(reveal).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);

  // /account: revoke it, with a confirm dialog driven by the keyboard.
  await page.goto("/account");
  const card = page.getByRole("region", { name: "Personal API key" });
  await expect(card.getByTestId("personal-masked-key")).toHaveText(masked(secret));
  const revokeButton = card.getByRole("button", { name: "Revoke personal key" });
  await revokeButton.focus();
  await page.keyboard.press("Enter");
  const confirm = page.getByRole("dialog", { name: "Revoke your personal key?" });
  await expect(confirm).toContainText(masked(secret));
  await lookAt(page, testInfo, "account-revoke-personal-key");
  // Escape cancels and gives focus back to the button.
  await page.keyboard.press("Escape");
  await expect(confirm).toBeHidden();
  await expect(revokeButton).toBeFocused();
  expect(await verify(machine, { key: secret })).toMatchObject({ valid: true });
  await page.keyboard.press("Enter");
  await confirm.getByRole("button", { name: "Revoke key" }).focus();
  await page.keyboard.press("Enter");
  await expect(confirm).toBeHidden();
  await expect(page.getByText("Personal key revoked")).toBeVisible();
  await expect(card).toContainText("You have no personal key");
  await expect(card.getByRole("button", { name: "Create personal key" })).toBeFocused();
  // At once: verify refuses it.
  expect(await verify(machine, { key: secret })).toMatchObject({ valid: false, code: "REVOKED" });
  expect(await json(await page.request.get("/api/v1/me/key"), 200)).toEqual({ key: null });

  // Created again: a new secret, revealed once, that verifies.
  await card.getByRole("button", { name: "Create personal key" }).click();
  const again = (await reveal.getByTestId("revealed-key").textContent()) ?? "";
  expect(again).toMatch(/^user_live_/);
  expect(again).not.toBe(secret);
  await reveal.getByRole("button", { name: "I have saved it" }).click();
  await expect(card.getByTestId("personal-masked-key")).toHaveText(masked(again));
  expect(await verify(machine, { key: again })).toMatchObject({ valid: true });
  expect(await verify(machine, { key: secret })).toMatchObject({ valid: false, code: "REVOKED" });
});

test("an account from before personal keys gets its key on the next sign-in, once", async ({ page, baseURL }) => {
  // Signed up over the API, as accounts were before: no personal key.
  const owner = await signUpOwner(baseURL!, "Otto Older", "Legacy", "lg");
  expect(await json(await owner.api.get("/api/v1/me/key"), 200)).toEqual({ key: null });

  async function signIn() {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(owner.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/${owner.workspace.slug}/keys$`));
  }

  await signIn();
  const reveal = page.getByRole("dialog", { name: "Save your API key" });
  await expect(reveal).toContainText("Your personal API key");
  const secret = (await reveal.getByTestId("revealed-key").textContent()) ?? "";
  expect(secret).toMatch(/^user_live_[0-9A-Za-z]{38}$/);
  const machine = await anonymous(baseURL!);
  expect(await verify(machine, { key: secret })).toMatchObject({ valid: true });
  await reveal.getByRole("button", { name: "I have saved it" }).click();
  await expect(reveal).toBeHidden();

  // The next sign-in issues nothing: the key is kept, and nothing is revealed.
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await signIn();
  await expect(page.getByRole("heading", { name: "No API keys yet" })).toBeVisible();
  await expect(reveal).toHaveCount(0);
  expect((await json(await owner.api.get("/api/v1/me/key"), 200)).key.maskedKey).toBe(masked(secret));

  // A revoked personal key stays revoked at the next sign-in: only /account creates another.
  expect((await owner.api.delete("/api/v1/me/key")).status()).toBe(200);
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await signIn();
  await expect(page.getByRole("heading", { name: "No API keys yet" })).toBeVisible();
  await expect(reveal).toHaveCount(0);
  expect(await json(await owner.api.get("/api/v1/me/key"), 200)).toEqual({ key: null });
});
