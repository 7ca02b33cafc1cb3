import { expect, keyRow, keysUrl, masked, openRowAction, seedKey, test } from "../support/keys-page";
import { lookAt } from "../support/look";

test("edit: name, description, scopes, allowlist and the enabled switch, shown at once", async ({
  page,
  request,
  owner,
}, testInfo) => {
  test.slow();
  const key = await seedKey(owner, owner.workspace, { name: "Reporting", scopes: ["keys.read"] });
  await page.goto(keysUrl(owner));
  await openRowAction(page, "Reporting", "Edit");
  const dialog = page.getByRole("dialog", { name: "Edit Reporting" });
  await expect(dialog.getByLabel("Name")).toHaveValue("Reporting");
  await expect(dialog.getByRole("checkbox", { name: /keys\.read/ })).toBeChecked();

  await dialog.getByLabel("Name").fill("Reporting export");
  await dialog.getByLabel("Description (optional)").fill("Nightly CSV export");
  await dialog.getByRole("checkbox", { name: /members\.read/ }).check();
  const allowlist = dialog.getByLabel("IP allowlist (optional)");
  await allowlist.fill("192.0.2.0/33");
  await allowlist.blur();
  await expect(dialog.getByText(/^Line 1: /)).toBeVisible();
  await allowlist.fill("192.0.2.0/24");
  await expect(dialog.getByText(/^Line 1: /)).toBeHidden();
  await dialog.getByRole("switch", { name: "Enabled" }).click();
  await expect(dialog.getByRole("switch", { name: "Enabled" })).toHaveAttribute("aria-checked", "false");
  await lookAt(page, testInfo, "edit-key-dialog");

  // Optimistic: the row changes while the request is still on its way.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**/api/v1/keys/${key.id}`, async (route) => {
    if (route.request().method() === "PATCH") await held;
    await route.fallback();
  });
  await dialog.getByRole("button", { name: "Save changes" }).click();
  // (Behind the open dialog the table is hidden from the accessibility tree, so find it by id.)
  const row = page.locator(`tr[data-key-id="${key.id}"]`);
  await expect(row).toContainText("Reporting export");
  await expect(row).toContainText("Disabled");
  await expect(dialog.getByRole("button", { name: "Saving…" })).toBeVisible();
  release();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText("Nightly CSV export");
  await expect(row).toContainText("members.read");
  expect(await (await request.post("/api/v1/keys/verify", { data: { key: key.key } })).json()).toMatchObject({
    valid: false,
    code: "DISABLED",
  });

  await openRowAction(page, "Reporting export", "Edit");
  await page.getByRole("switch", { name: "Enabled" }).click();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(row).not.toContainText("Disabled");
  // The row changed optimistically; the dialog closes once the server has saved.
  await expect(page.getByRole("dialog", { name: "Edit Reporting export" })).toBeHidden();
  const verified = await request.post("/api/v1/keys/verify", { data: { key: key.key, ip: "192.0.2.7" } });
  expect(await verified.json()).toMatchObject({ valid: true, scopes: ["keys.read", "members.read"] });
});

test("edit: a refused change puts the row back and keeps the dialog as typed", async ({ page, owner }) => {
  const key = await seedKey(owner, owner.workspace, { name: "Steady name" });
  await page.route(`**/api/v1/keys/${key.id}`, async (route) => {
    if (route.request().method() !== "PATCH") return route.fallback();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.fulfill({
      status: 409,
      contentType: "application/json",
      body: JSON.stringify({ error: { code: "CONFLICT", message: "A revoked key cannot be changed" } }),
    });
  });
  await page.goto(keysUrl(owner));
  await openRowAction(page, "Steady name", "Edit");
  const dialog = page.getByRole("dialog", { name: "Edit Steady name" });
  await dialog.getByLabel("Name").fill("Hopeful name");
  await dialog.getByRole("button", { name: "Save changes" }).click();
  const row = page.locator(`tr[data-key-id="${key.id}"]`);
  await expect(row).toContainText("Hopeful name");
  await expect(dialog.getByText("A revoked key cannot be changed")).toBeVisible();
  await expect(row).toContainText("Steady name");
  await expect(dialog.getByLabel("Name")).toHaveValue("Hopeful name");
});

test("rotate with a grace period: the new secret is revealed once, the old key shows in grace and still verifies", async ({
  page,
  request,
  owner,
}, testInfo) => {
  test.slow();
  const old = await seedKey(owner, owner.workspace, { name: "Webhook sender", scopes: ["keys.read"] });
  await page.goto(keysUrl(owner));
  await openRowAction(page, "Webhook sender", "Rotate");
  const dialog = page.getByRole("dialog", { name: "Rotate Webhook sender?" });
  await expect(dialog).toContainText(masked(old.key));
  await dialog.getByRole("radio", { name: /Immediately/ }).check();
  await expect(dialog).toContainText("refused as soon as you rotate");
  await dialog.getByRole("radio", { name: /1 hour/ }).check();
  await expect(dialog).toContainText("The old key keeps working until");
  await lookAt(page, testInfo, "rotate-key-dialog");
  await dialog.getByRole("button", { name: "Rotate key" }).click();

  const reveal = page.getByRole("dialog", { name: "Save your API key" });
  await expect(reveal).toContainText(`The old key (${masked(old.key)}) keeps working until`);
  const secret = (await reveal.getByTestId("revealed-key").textContent()) ?? "";
  expect(secret).not.toBe(old.key);
  await reveal.getByRole("button", { name: "Copy" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await reveal.getByRole("button", { name: "I have saved it" }).click();
  expect(await page.content()).not.toContain(secret);

  const oldRow = page.getByRole("row").filter({ hasText: masked(old.key) });
  const newRow = page.getByRole("row").filter({ hasText: masked(secret) });
  await expect(oldRow).toContainText("In grace");
  await expect(oldRow).toContainText(/stops in (59 min|1 hour)/);
  await expect(newRow).toContainText("Active");
  await expect(newRow).toContainText("Webhook sender");
  for (const key of [old.key, secret]) {
    const answer = await (await request.post("/api/v1/keys/verify", { data: { key } })).json();
    expect(answer).toMatchObject({ valid: true, code: "VALID", scopes: ["keys.read"] });
  }
  // A rotated key cannot be rotated again; it can still be revoked early.
  await oldRow.getByRole("button", { name: "Actions for Webhook sender" }).click();
  await expect(page.getByRole("menuitem", { name: "Revoke" })).toBeVisible();
  await expect(page.getByRole("menuitem", { name: "Rotate" })).toHaveCount(0);
  await page.keyboard.press("Escape");
});

test("revoke: a live key needs its name typed; the row turns revoked at once", async ({
  page,
  request,
  owner,
}, testInfo) => {
  test.slow();
  const live = await seedKey(owner, owner.workspace, { name: "Legacy cron" });
  await seedKey(owner, owner.workspace, { name: "Sandbox", environment: "test" });
  await page.goto(keysUrl(owner));

  await openRowAction(page, "Legacy cron", "Revoke");
  const confirm = page.getByRole("dialog", { name: "Revoke Legacy cron?" });
  const revoke = confirm.getByRole("button", { name: "Revoke key" });
  await expect(revoke).toBeDisabled();
  await confirm.getByLabel("Type Legacy cron to confirm").fill("Legacy");
  await expect(revoke).toBeDisabled();
  await confirm.getByLabel("Type Legacy cron to confirm").fill("Legacy cron");
  await expect(revoke).toBeEnabled();
  await lookAt(page, testInfo, "revoke-key-dialog");
  await revoke.click();
  await expect(confirm).toBeHidden();
  const row = keyRow(page, "Legacy cron");
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: /Actions for/ })).toHaveCount(0);
  await expect(page.getByText("Key “Legacy cron” revoked")).toBeVisible();
  expect(await (await request.post("/api/v1/keys/verify", { data: { key: live.key } })).json()).toMatchObject({
    valid: false,
    code: "REVOKED",
  });

  // A test key needs no typing.
  await openRowAction(page, "Sandbox", "Revoke");
  const quick = page.getByRole("dialog", { name: "Revoke Sandbox?" });
  await expect(quick.getByRole("textbox")).toHaveCount(0);
  await quick.getByRole("button", { name: "Revoke key" }).click();
  await expect(keyRow(page, "Sandbox")).toContainText("Revoked");
});

test("revoke: when the API refuses, the row comes back and a toast says why", async ({ page, owner }) => {
  const key = await seedKey(owner, owner.workspace, { name: "Stubborn", environment: "test" });
  await page.route(`**/api/v1/keys/${key.id}`, async (route) => {
    if (route.request().method() !== "DELETE") return route.fallback();
    await new Promise((resolve) => setTimeout(resolve, 800));
    await route.fulfill({
      status: 403,
      contentType: "application/json",
      body: JSON.stringify({ error: { code: "FORBIDDEN", message: "You can only manage keys you created" } }),
    });
  });
  await page.goto(keysUrl(owner));
  await openRowAction(page, "Stubborn", "Revoke");
  await page.getByRole("button", { name: "Revoke key" }).click();
  const row = keyRow(page, "Stubborn");
  await expect(row).toContainText("Revoked");
  await expect(page.getByText("Could not revoke “Stubborn”: You can only manage keys you created")).toBeVisible();
  await expect(row).toContainText("Active");
});

test("keyboard only: row actions menu, a dialog that traps focus and closes on Esc, then a revoke", async ({
  page,
  owner,
}) => {
  await seedKey(owner, owner.workspace, { name: "Keyboard key" });
  await page.goto(keysUrl(owner));
  await expect(keyRow(page, "Keyboard key")).toBeVisible();

  const trigger = page.getByRole("button", { name: "Actions for Keyboard key" });
  for (let i = 0; i < 30 && !(await trigger.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(trigger).toBeFocused();

  // Open the menu, pick Rotate, and leave with Esc: focus comes back to the menu button.
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem", { name: "Edit" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("menuitem", { name: "Rotate" })).toBeFocused();
  await page.keyboard.press("Enter");
  const rotate = page.getByRole("dialog", { name: "Rotate Keyboard key?" });
  await expect(rotate).toBeVisible();
  // Focus stays inside the dialog however far one tabs.
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press("Tab");
    expect(await rotate.evaluate((dialog) => dialog.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(rotate).toBeHidden();
  await expect(trigger).toBeFocused();

  // Revoke: the confirmation field has focus, typing the name enables Enter.
  await page.keyboard.press("Enter");
  await page.keyboard.press("End");
  await expect(page.getByRole("menuitem", { name: "Revoke" })).toBeFocused();
  await page.keyboard.press("Enter");
  const confirm = page.getByRole("dialog", { name: "Revoke Keyboard key?" });
  await expect(confirm.getByLabel("Type Keyboard key to confirm")).toBeFocused();
  await page.keyboard.type("Keyboard key");
  await page.keyboard.press("Enter");
  await expect(confirm).toBeHidden();
  await expect(keyRow(page, "Keyboard key")).toContainText("Revoked");
  await expect(page.getByRole("link", { name: "Keyboard key" })).toBeFocused();
});
