import { expect, test } from "@playwright/test";
import { createKey, json } from "../support/api";
import { lookAt } from "../support/look";
import { browserAs, signUpOwner } from "../support/people";
import { screenshotOf } from "../support/screenshots";

// Each lookAt runs axe in light and dark: these journeys take longer than the default 30 s.
test.describe.configure({ timeout: 180_000 });

test("a maximum key lifetime set in settings takes “Never” out of the create dialog", async ({
  browser,
  baseURL,
}, testInfo) => {
  const owner = await signUpOwner(baseURL!, "Lena Lifetime", "Lifetime Co");
  const headers = { "x-workspace-id": owner.workspace.slug };
  const old = await createKey(owner.api, { name: "Old forever", environment: "test" });
  const context = await browserAs(browser, owner);
  const page = await context.newPage();

  // Without a policy, "Never" is offered and 90 days is the default.
  await page.goto(`/${owner.workspace.slug}/keys`);
  await page.getByRole("button", { name: "Create API key" }).click();
  const expires = page.getByRole("dialog").getByLabel("Expires", { exact: true });
  await expect(expires).toHaveValue("90d");
  await expect(expires.getByRole("option", { name: "Never" })).toHaveCount(1);
  await page.keyboard.press("Escape");

  await page.goto(`/${owner.workspace.slug}/settings`);
  const card = page.getByRole("region", { name: "Maximum key lifetime" });
  await expect(card.getByRole("button", { name: "Save" })).toBeDisabled();
  await card.getByLabel("Keys must expire").check();
  await card.getByLabel("Within").fill("0");
  await card.getByRole("button", { name: "Save" }).click();
  await expect(card.getByText("Between 1 and 3650 days")).toBeVisible();
  await card.getByLabel("Within").fill("30");
  await card.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Keys now expire within 30 days")).toBeVisible();
  await expect(card.getByRole("button", { name: "Save" })).toBeDisabled();
  expect(await json(await owner.api.get("/api/v1/workspace", { headers }), 200)).toMatchObject({
    maxKeyLifetimeDays: 30,
  });
  await screenshotOf(card, testInfo, "settings-key-lifetime");
  const unused = page.getByRole("region", { name: "Unused keys" });
  await expect(unused.getByLabel("Disable keys that are not used")).not.toBeChecked();

  // The dialog: no "Never", nothing beyond 30 days, the longest allowed preset chosen.
  await page.goto(`/${owner.workspace.slug}/keys`);
  await page.getByRole("button", { name: "Create API key" }).click();
  const dialog = page.getByRole("dialog");
  await expect(expires).toHaveValue("25d");
  const offered = await expires.locator("option").allTextContents();
  expect(offered).toEqual(["15 days", "25 days", "Custom date…"]);
  await expect(dialog.getByText("Keys here expire within 30 days.")).toBeVisible();
  await lookAt(page, testInfo, "create-key-lifetime-policy");

  // A custom date beyond the limit is refused by the API, under the field.
  await dialog.getByLabel("Name", { exact: true }).fill("Bounded key");
  await expires.selectOption("custom");
  const far = new Date(Date.now() + 40 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  await dialog.getByLabel("Expiry date").fill(far);
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(dialog.getByText(/must expire within 30 days/).first()).toBeVisible();
  await page.keyboard.press("Escape");

  // A key from before the policy is brought within it from its edit dialog.
  await page.goto(`/${owner.workspace.slug}/keys/${old.id}`);
  await page.getByRole("button", { name: "Edit" }).click();
  const edit = page.getByRole("dialog", { name: "Edit Old forever" });
  await expect(edit.getByLabel("Never expires")).toBeChecked();
  await edit.getByLabel("Never expires").uncheck();
  await edit.getByLabel("Expires on").fill(far);
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit.getByText(/must expire within 30 days/).first()).toBeVisible();
  const within = new Date(Date.now() + 20 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  await edit.getByLabel("Expires on").fill(within);
  await lookAt(page, testInfo, "edit-key-expiry");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit).toBeHidden();
  const saved = await json(await owner.api.get(`/api/v1/keys/${old.id}`, { headers }), 200);
  expect(saved.expiresAt?.slice(0, 10)).toBe(within);
  const trail = await json(await owner.api.get(`/api/v1/audit?targetId=${old.id}`, { headers }), 200);
  expect(trail.data[0]).toMatchObject({ action: "key.updated", metadata: { changed: ["expiresAt"] } });
  await context.close();
});

test("the hygiene page lists idle keys and bulk-revokes the chosen ones after one confirmation", async ({
  browser,
  baseURL,
}, testInfo) => {
  const owner = await signUpOwner(baseURL!, "Hugo Hygiene", "Hygiene Co");
  const headers = { "x-workspace-id": owner.workspace.slug };
  const forever = await createKey(owner.api, { name: "Forever key", environment: "test" });
  const first = await createKey(owner.api, { name: "Idle one", environment: "test", expiresIn: "90d" });
  const second = await createKey(owner.api, { name: "Idle two", environment: "test", expiresIn: "90d" });
  const context = await browserAs(browser, owner);
  const page = await context.newPage();

  await page.goto(`/${owner.workspace.slug}/keys`);
  await page.getByRole("link", { name: "Hygiene", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/${owner.workspace.slug}/keys/hygiene$`));
  await expect(page.getByRole("heading", { name: "Key hygiene", level: 1 })).toBeVisible();
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(3);
  await lookAt(page, testInfo, "key-hygiene");

  // A finding narrows the list; its count is on the button.
  await page.getByRole("button", { name: /Never expires/ }).click();
  await expect(page.getByRole("button", { name: /Never expires/ })).toHaveAttribute("aria-pressed", "true");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Forever key");
  await page.getByRole("button", { name: /All findings/ }).click();
  await expect(rows).toHaveCount(3);

  // Choose two keys from the keyboard, open the confirmation, cancel with Escape, then confirm.
  const revoke = page.getByRole("toolbar", { name: "Selected keys" }).getByRole("button", { name: "Revoke" });
  await expect(revoke).toBeDisabled();
  await page.getByRole("checkbox", { name: "Select Idle one" }).focus();
  await page.keyboard.press("Space");
  await page.getByRole("checkbox", { name: "Select Idle two" }).focus();
  await page.keyboard.press("Space");
  await expect(page.getByText("2 keys selected")).toBeVisible();
  await revoke.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Revoke 2 keys?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("listitem")).toHaveText(["Idle one", "Idle two"]);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByText("2 keys selected")).toBeVisible();
  await revoke.click();
  await lookAt(page, testInfo, "key-hygiene-revoke-dialog");
  await dialog.getByRole("button", { name: "Revoke 2 keys" }).click();
  await expect(page.getByText("2 keys revoked")).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(rows).toHaveCount(1);

  for (const key of [first, second]) {
    expect((await json(await owner.api.get(`/api/v1/keys/${key.id}`, { headers }), 200)).status).toBe("revoked");
    const trail = await json(await owner.api.get(`/api/v1/audit?targetId=${key.id}`, { headers }), 200);
    expect(trail.data.map((e: { action: string }) => e.action)).toEqual(["key.revoked", "key.created"]);
  }

  // Disable the last one with "select all": it stays listed, marked disabled.
  await page.getByRole("checkbox", { name: "Select every key shown" }).check();
  await page.getByRole("toolbar", { name: "Selected keys" }).getByRole("button", { name: "Disable" }).click();
  await page.getByRole("dialog", { name: "Disable 1 key?" }).getByRole("button", { name: "Disable 1 key" }).click();
  await expect(page.getByText("1 key disabled")).toBeVisible();
  await expect(rows.first()).toContainText("Disabled");
  expect((await json(await owner.api.get(`/api/v1/keys/${forever.id}`, { headers }), 200)).enabled).toBe(false);

  // Revoked too: nothing left to tidy.
  await page.getByRole("checkbox", { name: "Select every key shown" }).check();
  await page.getByRole("toolbar", { name: "Selected keys" }).getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("dialog", { name: "Revoke 1 key?" }).getByRole("button", { name: "Revoke 1 key" }).click();
  await expect(page.getByRole("heading", { name: "Nothing to tidy up" })).toBeVisible();
  await lookAt(page, testInfo, "key-hygiene-empty");
  await context.close();
});

test("the key table filters to the keys expiring within 7 days", async ({ browser, baseURL }) => {
  const owner = await signUpOwner(baseURL!, "Sol Soon", "Soon Co");
  const inDays = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString();
  const soon = await createKey(owner.api, { name: "Soon gone", environment: "test", expiresAt: inDays(3) });
  await createKey(owner.api, { name: "Later", environment: "test", expiresAt: inDays(30) });
  await createKey(owner.api, { name: "Forever", environment: "test" });
  const context = await browserAs(browser, owner);
  const page = await context.newPage();
  await page.goto(`/${owner.workspace.slug}/keys`);
  const rows = page.locator("tr[data-key-id]");
  await expect(rows).toHaveCount(3);
  await page.getByLabel("Status").selectOption("expiring_soon");
  await expect(page).toHaveURL(/status=expiring_soon/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute("data-key-id", soon.id);
  await expect(rows.first()).toContainText("Expiring soon");
  await context.close();
});
