import { expect, test } from "@playwright/test";
import { PASSWORD } from "../support/api";
import { lookAt } from "../support/look";
import { browserAs, signUpOwner } from "../support/people";
import { type StartedServer, startServer } from "../support/server";

// Its own server, where a sign-in goes stale after 2 seconds (KEYSMITH_REAUTH_MAX_AGE_S).
const MAX_AGE_S = 2;
const PORT = Number(process.env.E2E_PORT ?? 3510) + 2;
test.describe.configure({ timeout: 180_000 });

let server: StartedServer;
test.beforeAll(async () => {
  test.setTimeout(90_000);
  server = await startServer(PORT, { KEYSMITH_REAUTH_MAX_AGE_S: String(MAX_AGE_S) });
});
test.afterAll(async () => {
  await server?.stop();
});

test("a stale session creating a live key confirms the password, then the key is created", async ({
  browser,
}, testInfo) => {
  const owner = await signUpOwner(server.url, "Rhea Stone", "Quarry", "qr");
  const context = await browserAs(browser, owner);
  const page = await context.newPage();
  await page.goto(`${server.url}/${owner.workspace.slug}/keys`);
  await page.waitForTimeout((MAX_AGE_S + 0.5) * 1000);

  await page.getByRole("button", { name: "Create API key" }).click();
  const create = page.getByRole("dialog", { name: "Create API key" });
  await create.getByLabel("Name").fill("Payments live");
  await create.getByRole("button", { name: "Create key" }).click();

  const confirm = page.getByRole("dialog", { name: "Confirm it's you" });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText(owner.email);
  await expect(confirm.getByLabel("Password")).toBeFocused();
  await lookAt(page, testInfo, "reauth-dialog");
  // A wrong password says so and keeps the dialog open.
  await confirm.getByLabel("Password").fill("not-my-password");
  await confirm.getByRole("button", { name: "Confirm" }).click();
  await expect(confirm.getByRole("alert")).toContainText(/invalid/i);
  await confirm.getByLabel("Password").fill(PASSWORD);
  await confirm.getByRole("button", { name: "Confirm" }).click();

  // The original action completes by itself: the one-time reveal of the new live key.
  const reveal = page.getByRole("dialog", { name: "Save your API key" });
  await expect(reveal.getByTestId("revealed-key")).toHaveText(/^qr_live_/);
  await expect(confirm).toBeHidden();
  // The new session replaced the old one: this device has exactly one.
  const sessions = await (await page.request.get(`${server.url}/api/auth/list-sessions`)).json();
  expect(sessions).toHaveLength(1);
  await context.close();
});

test("cancelling the confirmation leaves the action undone with its error", async ({ browser }) => {
  const owner = await signUpOwner(server.url, "Ivo Marsh", "Fen", "fn");
  const context = await browserAs(browser, owner);
  const page = await context.newPage();
  await page.goto(`${server.url}/${owner.workspace.slug}/keys`);
  await page.waitForTimeout((MAX_AGE_S + 0.5) * 1000);
  await page.getByRole("button", { name: "Create API key" }).click();
  const create = page.getByRole("dialog", { name: "Create API key" });
  await create.getByLabel("Name").fill("Not now");
  await create.getByRole("button", { name: "Create key" }).click();
  const confirm = page.getByRole("dialog", { name: "Confirm it's you" });
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toBeHidden();
  await expect(create.getByRole("alert").first()).toContainText(/sign in again/i);
  const keys = await (
    await page.request.get(`${server.url}/api/v1/keys`, { headers: { "x-workspace-id": owner.workspace.id } })
  ).json();
  expect(keys.data).toEqual([]);
  await context.close();
});
