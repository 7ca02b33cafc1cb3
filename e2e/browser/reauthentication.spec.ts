import { expect, type Page, test } from "@playwright/test";
import { PASSWORD } from "../support/api";
import { lookAt } from "../support/look";
import { browserAs, signUpOwner } from "../support/people";
import { freePort, type StartedServer, startServer } from "../support/server";
import { totpCode } from "../support/totp";
import { enableTotp } from "../support/two-factor";
import { addVirtualAuthenticator } from "../support/webauthn";

// Its own server, where a sign-in goes stale after 2 seconds (KEYSMITH_REAUTH_MAX_AGE_S).
const MAX_AGE_S = 2;
test.describe.configure({ timeout: 180_000 });

let server: StartedServer;
test.beforeAll(async () => {
  test.setTimeout(90_000);
  server = await startServer(await freePort(), { KEYSMITH_REAUTH_MAX_AGE_S: String(MAX_AGE_S) });
});
test.afterAll(async () => {
  await server?.stop();
});

/** Lets the page's sign-in go stale, then asks for a live key; returns the create dialog. */
async function createLiveKeyWhenStale(page: Page, workspaceSlug: string, name: string) {
  await page.goto(`${server.url}/${workspaceSlug}/keys`);
  await page.waitForTimeout((MAX_AGE_S + 0.5) * 1000);
  await page.getByRole("button", { name: "Create API key" }).click();
  const create = page.getByRole("dialog", { name: "Create API key" });
  await create.getByLabel("Name").fill(name);
  await create.getByRole("button", { name: "Create key" }).click();
  return create;
}

test("a stale session creating a live key confirms the password, then the key is created", async ({
  browser,
}, testInfo) => {
  const owner = await signUpOwner(server.url, "Rhea Stone", "Quarry", "qr");
  const context = await browserAs(browser, owner);
  const page = await context.newPage();
  await createLiveKeyWhenStale(page, owner.workspace.slug, "Payments live");

  const confirm = page.getByRole("dialog", { name: "Confirm it's you" });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText(owner.email);
  await expect(confirm.getByLabel("Password")).toBeFocused();
  await lookAt(page, testInfo, "reauth-dialog");
  // A wrong password says so and keeps the dialog open.
  await confirm.getByLabel("Password").fill("not-my-password");
  await confirm.getByRole("button", { name: "Confirm" }).click();
  await expect(confirm.getByRole("alert")).toContainText(/wrong password/i);
  await expect(confirm.getByLabel("Password")).toHaveValue("not-my-password");
  await confirm.getByLabel("Password").fill(PASSWORD);
  await confirm.getByRole("button", { name: "Confirm" }).click();

  // The original action completes by itself: the one-time reveal of the new live key.
  const reveal = page.getByRole("dialog", { name: "Save your API key" });
  await expect(reveal.getByTestId("revealed-key")).toHaveText(/^qr_live_/);
  await expect(confirm).toBeHidden();
  // The same session, confirmed: this device has exactly one.
  const sessions = await (await page.request.get(`${server.url}/api/auth/list-sessions`)).json();
  expect(sessions).toHaveLength(1);
  await context.close();
});

test("cancelling the confirmation leaves the action undone with its error", async ({ browser }) => {
  const owner = await signUpOwner(server.url, "Ivo Marsh", "Fen", "fn");
  const context = await browserAs(browser, owner);
  const page = await context.newPage();
  const create = await createLiveKeyWhenStale(page, owner.workspace.slug, "Not now");
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

test("with two-factor on, the dialog asks for the app's code too; a passkey confirms on its own", async ({
  browser,
}, testInfo) => {
  const owner = await signUpOwner(server.url, "Ada Byron", "Engines", "ae");
  const { secret } = await enableTotp(owner.api);
  const context = await browserAs(browser, owner);
  const page = await context.newPage();
  await addVirtualAuthenticator(context, page);

  const createLiveKey = (name: string) => createLiveKeyWhenStale(page, owner.workspace.slug, name);
  const confirm = page.getByRole("dialog", { name: "Confirm it's you" });
  const reveal = page.getByRole("dialog", { name: "Save your API key" });

  await createLiveKey("With the app");
  await expect(confirm.getByLabel("Code from your authenticator app")).toBeVisible();
  await expect(confirm.getByRole("button", { name: "Use a passkey instead" })).toHaveCount(0);
  await lookAt(page, testInfo, "reauth-dialog-two-factor");
  await confirm.getByLabel("Password").fill(PASSWORD);
  const wrong = String((Number(totpCode(secret)) + 1) % 1_000_000).padStart(6, "0");
  await confirm.getByLabel("Code from your authenticator app").fill(wrong);
  await confirm.getByRole("button", { name: "Confirm" }).click();
  await expect(confirm.getByRole("alert")).toContainText(/wrong or expired code/i);
  await confirm.getByLabel("Code from your authenticator app").fill(totpCode(secret));
  await confirm.getByRole("button", { name: "Confirm" }).click();
  await expect(reveal.getByTestId("revealed-key")).toHaveText(/^ae_live_/);
  await reveal.getByRole("button", { name: "I have saved it" }).click();

  // Add a passkey on the account page (its session is fresh again), then confirm with it.
  await page.goto(`${server.url}/account`);
  const passkeys = page.getByRole("region", { name: "Passkeys" });
  await passkeys.getByRole("button", { name: "Add a passkey" }).click();
  await passkeys.getByLabel("New passkey's name").fill("This laptop");
  await passkeys.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByText("Passkey added")).toBeVisible();

  await createLiveKey("With the passkey");
  await confirm.getByRole("button", { name: "Use a passkey instead" }).click();
  await expect(reveal.getByTestId("revealed-key")).toHaveText(/^ae_live_/);
  await expect(confirm).toBeHidden();
  // The passkey's sign-in replaced this device's session rather than adding one.
  const sessions = await (await page.request.get(`${server.url}/api/auth/list-sessions`)).json();
  expect(sessions).toHaveLength(1);
  await context.close();
});
