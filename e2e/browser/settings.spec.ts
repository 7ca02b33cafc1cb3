import { expect, test } from "@playwright/test";
import { bearer, createKey, json } from "../support/api";
import { lookAt } from "../support/look";
import { browserAs, signUpOwner } from "../support/people";

// Each lookAt runs axe in light and dark: these journeys take longer than the default 30 s.
test.describe.configure({ timeout: 180_000 });

test("rename, change the key prefix with a live preview, allow key minting, manage custom scopes", async ({
  browser,
  baseURL,
}, testInfo) => {
  const owner = await signUpOwner(baseURL!, "Olivia Owner", "Globex", "gx");
  const headers = { "x-workspace-id": owner.workspace.slug };
  const settings = async () => json(await owner.api.get("/api/v1/workspace", { headers }), 200);
  const context = await browserAs(browser, owner);
  const page = await context.newPage();
  await page.goto(`/${owner.workspace.slug}/settings`);
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  await lookAt(page, testInfo, "settings");

  // Name: a bad value is explained in place and kept; a good one is saved and shown in the switcher.
  const nameCard = page.getByRole("region", { name: "Workspace name" });
  await expect(nameCard.getByRole("button", { name: "Save" })).toBeDisabled();
  await nameCard.getByLabel("Name").fill("G");
  await nameCard.getByRole("button", { name: "Save" }).click();
  await expect(nameCard.getByText("Use at least 2 characters")).toBeVisible();
  await expect(nameCard.getByLabel("Name")).toHaveValue("G");
  await nameCard.getByLabel("Name").fill("Globex Corporation");
  await nameCard.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("workspace-name")).toHaveText("Globex Corporation");
  await expect(nameCard.getByRole("button", { name: "Save" })).toBeDisabled();
  expect((await settings()).name).toBe("Globex Corporation");

  // Prefix: the preview follows every keystroke, before anything is saved.
  const prefixCard = page.getByRole("region", { name: "Key prefix" });
  const preview = prefixCard.getByTestId("key-prefix-preview");
  await expect(preview).toHaveText(/^gx_live_[0-9A-Za-z]{38}$/);
  const prefixInput = prefixCard.getByLabel("Prefix");
  await prefixInput.fill("");
  await prefixInput.pressSequentially("glo");
  await expect(preview).toHaveText(/^glo_live_/);
  await prefixInput.pressSequentially("bex");
  await expect(preview).toHaveText(/^globex_live_/);
  await expect(prefixCard).toContainText("globex_live_3f9a…a7b8");
  await prefixInput.fill("Globex!");
  await expect(prefixCard.getByRole("alert")).toHaveText("2–12 lowercase letters or digits");
  await expect(prefixInput).toHaveAttribute("aria-invalid", "true");
  await prefixCard.getByRole("button", { name: "Save" }).click();
  expect((await settings()).keyPrefix).toBe("gx");
  await prefixInput.fill("glx");
  await prefixCard.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("New keys will start with glx_")).toBeVisible();
  expect((await settings()).keyPrefix).toBe("glx");
  // The next key created uses the new prefix.
  expect((await createKey(owner.api, { name: "After the change" })).key).toMatch(/^glx_live_/);

  // Key minting: off by default, so a key cannot create keys until it is switched on.
  const minter = await createKey(owner.api, { name: "Provisioner", scopes: ["keys.read", "keys.write"] });
  const mint = () => owner.api.post("/api/v1/keys", { headers: bearer(minter.key), data: { name: "Minted key" } });
  expect((await mint()).status()).toBe(403);
  const mintingCard = page.getByRole("region", { name: "Key minting" });
  const toggle = mintingCard.getByRole("switch", { name: "Allow API keys to create keys" });
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", "true");
  await mintingCard.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("API keys may now create keys")).toBeVisible();
  expect((await settings()).allowKeyMinting).toBe(true);
  expect((await mint()).status()).toBe(201);

  // Verification: requiring a verifier key hides this workspace's keys from anonymous callers.
  const client = await createKey(owner.api, { name: "Client service" });
  const verifier = await createKey(owner.api, { name: "Gateway", scopes: ["keys.verify"] });
  const check = async (headers: Record<string, string> = {}) =>
    (await json(await owner.api.post("/api/v1/keys/verify", { headers, data: { key: client.key } }), 200)).code;
  expect(await check()).toBe("VALID");
  const verificationCard = page.getByRole("region", { name: "Verification" });
  const requireSwitch = verificationCard.getByRole("switch", { name: "Require a verifier key" });
  await expect(requireSwitch).toHaveAttribute("aria-checked", "false");
  await requireSwitch.click();
  await expect(verificationCard).toContainText("only your verifier keys can learn");
  await verificationCard.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Verification now needs a verifier key")).toBeVisible();
  expect((await settings()).requireVerifierKey).toBe(true);
  expect(await check()).toBe("NOT_FOUND");
  expect(await check(bearer(verifier.key))).toBe("VALID");

  // Custom scopes: bad input is explained and kept; good scopes become chips and are saved together.
  const scopesCard = page.getByRole("region", { name: "Custom scopes" });
  const newScope = scopesCard.getByLabel("New scope");
  await newScope.fill("Tasks Read");
  await newScope.press("Enter");
  await expect(scopesCard.getByText(/Scopes look like resource\.action/)).toBeVisible();
  await expect(newScope).toHaveValue("Tasks Read");
  await newScope.fill("keys.read");
  await scopesCard.getByRole("button", { name: "Add" }).click();
  await expect(scopesCard.getByText("keys.read is built in")).toBeVisible();
  await newScope.fill("tasks.read");
  await newScope.press("Enter");
  await newScope.fill("billing.read");
  await scopesCard.getByRole("button", { name: "Add" }).click();
  const chips = scopesCard.getByRole("list", { name: "Custom scopes" }).getByRole("listitem");
  await expect(chips).toHaveText(["tasks.read", "billing.read"]);
  await newScope.fill("tasks.read");
  await newScope.press("Enter");
  await expect(scopesCard.getByText("tasks.read is already in the list")).toBeVisible();
  await newScope.fill("");
  await lookAt(page, testInfo, "settings-edited");
  await scopesCard.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("2 custom scopes saved")).toBeVisible();
  expect((await settings()).customScopes).toEqual(["tasks.read", "billing.read"]);

  await scopesCard.getByRole("button", { name: "Remove tasks.read" }).click();
  await expect(chips).toHaveText(["billing.read"]);
  await scopesCard.getByRole("button", { name: "Save" }).click();
  await expect(scopesCard.getByRole("button", { name: "Save" })).toBeDisabled();
  expect((await settings()).customScopes).toEqual(["billing.read"]);

  // Everything survives a reload.
  await page.reload();
  await expect(page.getByRole("region", { name: "Workspace name" }).getByLabel("Name")).toHaveValue(
    "Globex Corporation",
  );
  await expect(page.getByRole("region", { name: "Key prefix" }).getByLabel("Prefix")).toHaveValue("glx");
  await expect(page.getByRole("switch", { name: "Allow API keys to create keys" })).toHaveAttribute(
    "aria-checked",
    "true",
  );
  await expect(page.getByRole("switch", { name: "Require a verifier key" })).toHaveAttribute("aria-checked", "true");
  await context.close();
});
