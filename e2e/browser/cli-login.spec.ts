import { expect, test } from "@playwright/test";
import { json, PASSWORD } from "../support/api";
import { Terminal } from "../support/cli";
import { lookAt } from "../support/look";
import { browserAs, join, signUpOwner, signUpPerson } from "../support/people";
import { savePersonalKey } from "../support/personal-key";
import { screenshot } from "../support/screenshots";

// lookAt runs axe in light and dark; the CLI waits for the page.
test.describe.configure({ timeout: 180_000 });

test("keysmith login approved in the browser: workspace and scopes picked on the page, the key in the table", async ({
  browser,
  baseURL,
}, testInfo) => {
  const owner = await signUpOwner(baseURL!, "Bea Browser", "Bright Lights", "bl");
  // A second workspace where Bea is only a member: the scope picker offers that role's ceiling.
  const other = await signUpOwner(baseURL!, "Oren Owner", "Other Place");
  await join(other, owner, "member");

  const terminal = new Terminal();
  const login = terminal.start(["login", "--url", baseURL!, "--device", "bea-laptop"]);
  const { code, url } = await login.loginPrompt();

  const context = await browserAs(browser, owner);
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByRole("heading", { name: "Authorize the Keysmith CLI" })).toBeVisible();
  await expect(page.getByTestId("cli-code")).toHaveText(code);
  await expect(page.getByText("bea-laptop", { exact: true })).toBeVisible();
  await expect(page.getByText(/just now|min ago/)).toBeVisible();
  await lookAt(page, testInfo, "cli-authorize");

  // As a member of Other Place, writing scopes are not offered; as owner of Bright Lights they are.
  const workspace = page.getByLabel("Workspace", { exact: true });
  await workspace.selectOption({ label: `Other Place (${other.workspace.slug})` });
  await expect(page.getByRole("checkbox", { name: "keys.write" })).toHaveCount(0);
  await expect(page.getByRole("checkbox", { name: "keys.read" })).toBeChecked();
  await workspace.selectOption({ label: `Bright Lights (${owner.workspace.slug})` });
  await expect(page.getByText("do not allow key minting")).toBeVisible();
  await page.getByRole("checkbox", { name: "keys.write" }).check();
  await page.getByRole("checkbox", { name: "members.read" }).uncheck();
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("heading", { name: "CLI approved" })).toBeVisible();
  await screenshot(page, testInfo, "cli-authorize-approved");

  const result = await login.result();
  expect(result.code, result.stderr).toBe(0);
  const stored = terminal.config();
  expect(terminal.modes()).toEqual({ file: "600", dir: "700" });
  expect(result.stdout + result.stderr).not.toContain(stored.apiKey);
  // The page never showed the secret either.
  expect(await page.content()).not.toContain(stored.apiKey);

  const me = JSON.parse((await terminal.run(["whoami", "--json"])).stdout);
  expect(me.scopes.sort()).toEqual(["audit.read", "keys.read", "keys.write", "workspace.read"]);

  // In the key table like any other key, created by Bea, and revocable there.
  await page.getByRole("link", { name: "Open Bright Lights's keys" }).click();
  const row = page.getByRole("row", { name: /CLI on bea-laptop/ });
  await expect(row).toBeVisible();
  await expect(row).toContainText("Bea Browser");
  await expect(row).toContainText(stored.apiKey.slice(0, 12));
  // The used code cannot be approved again.
  await page.goto(url);
  await expect(page.getByRole("heading", { name: "This code was already used" })).toBeVisible();
  await context.close();
});

test("deny in the browser; a signed-out visitor signs in and comes back to the same code", async ({
  browser,
  baseURL,
}, testInfo) => {
  const person = await signUpPerson(baseURL!, "Nora Nope");
  const owner = await signUpOwner(baseURL!, "Dan Denier", "Denmark");
  await join(owner, person, "admin");

  const terminal = new Terminal();
  const login = terminal.start(["login", "--url", baseURL!, "--device", "unknown-box"]);
  const { code, url } = await login.loginPrompt();

  const guest = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await guest.newPage();
  await page.goto(url);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(`${baseURL}/cli/authorize?code=${code}`);
  // This account's first sign-in since personal keys came with accounts: its key is revealed once.
  await savePersonalKey(page);
  await expect(page.getByTestId("cli-code")).toHaveText(code);
  await page.getByRole("button", { name: "Deny" }).click();
  await expect(page.getByRole("heading", { name: "Request denied" })).toBeVisible();

  const result = await login.result();
  expect(result.code).toBe(1);
  expect(result.stderr).toContain("denied in the browser");
  expect(() => terminal.config()).toThrow();
  const keys = await json(await owner.api.get("/api/v1/keys"), 200);
  expect(keys.data.map((k: { name: string }) => k.name)).not.toContain("CLI on unknown-box");

  // Typed by hand: the code form, an unknown code, a denied one.
  await page.goto("/cli/authorize");
  await page.getByLabel("Code").fill("bcdf ghjk");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Unknown code" })).toBeVisible();
  await lookAt(page, testInfo, "cli-authorize-unknown");
  await page.getByLabel("Code").fill(code.toLowerCase());
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "This request was denied" })).toBeVisible();
  await guest.close();
});
