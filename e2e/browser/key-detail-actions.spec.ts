import { expect, masked, seedKey, test } from "../support/keys-page";
import { lookAt } from "../support/look";
import { browserAs, join, signUpPerson } from "../support/people";
import { screenshot } from "../support/screenshots";

const keyUrl = (slug: string, id: string) => `/${slug}/keys/${id}`;

test("key page: edit, rotate and revoke from the key's own page, with focus kept in place", async ({
  page,
  request,
  owner,
}, testInfo) => {
  test.slow();
  const old = await seedKey(owner, owner.workspace, { name: "Payments worker", scopes: ["keys.read"] });
  await page.goto(keyUrl(owner.workspace.slug, old.id));
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText("Payments worker");
  await lookAt(page, testInfo, "key-detail-actions");

  // Edit: the page shows the new name and description at once; focus goes back to Edit.
  await page.getByRole("button", { name: "Edit" }).click();
  const edit = page.getByRole("dialog", { name: "Edit Payments worker" });
  await edit.getByLabel("Name").fill("Payments API");
  await edit.getByLabel("Description (optional)").fill("Settles card payments");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit).toBeHidden();
  await expect(heading).toHaveText("Payments API");
  await expect(page.getByText("Settles card payments")).toBeVisible();
  await expect(page.getByRole("button", { name: "Edit" })).toBeFocused();
  await expect(page.getByRole("list", { name: "Audit events for this key" })).toContainText("Key updated");

  // Rotate with a grace period: the new secret is revealed once, then the new key's page opens.
  await page.getByRole("button", { name: "Rotate" }).click();
  const rotate = page.getByRole("dialog", { name: "Rotate Payments API?" });
  // A key that never expires has no expiry to choose.
  await expect(rotate.getByRole("group", { name: "The new key expires" })).toHaveCount(0);
  await rotate.getByRole("radio", { name: /1 hour/ }).check();
  await rotate.getByRole("button", { name: "Rotate key" }).click();
  const reveal = page.getByRole("dialog", { name: "Save your API key" });
  await expect(reveal).toContainText(`The old key (${masked(old.key)}) keeps working until`);
  const secret = (await reveal.getByTestId("revealed-key").textContent()) ?? "";
  await reveal.getByRole("button", { name: "Copy" }).click();
  await reveal.getByRole("button", { name: "I have saved it" }).click();
  await expect(page).not.toHaveURL(new RegExp(`${old.id}$`));
  await expect(page.getByText(masked(secret))).toBeVisible();
  await expect(heading).toHaveText("Payments API");
  await expect(page.getByRole("button", { name: "Rotate" })).toBeVisible();
  const newKeyUrl = page.url();

  // The old key's page: in grace, pointing at its replacement; it can be revoked early, not rotated again.
  await page.goBack();
  await expect(page.getByText(masked(old.key))).toBeVisible();
  await expect(page.getByText(/This old key stops working/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Revoke" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Rotate" })).toHaveCount(0);
  await page.getByRole("link", { name: "View the replacement key" }).click();
  await expect(page).toHaveURL(newKeyUrl);

  // Revoke the new key: a live key needs its name typed; the page turns revoked at once.
  await page.getByRole("button", { name: "Revoke" }).click();
  const confirm = page.getByRole("dialog", { name: "Revoke Payments API?" });
  await confirm.getByLabel("Type Payments API to confirm").fill("Payments API");
  await confirm.getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByText(/Verifications answer REVOKED/)).toBeVisible();
  await expect(page.getByRole("button", { name: /^(Edit|Rotate|Revoke)$/ })).toHaveCount(0);
  await expect(heading).toBeFocused();
  // The page turns revoked before the server answers; its toast says the revocation is done.
  await expect(page.getByText("Key “Payments API” revoked")).toBeVisible();
  const answer = await (await request.post("/api/v1/keys/verify", { data: { key: secret } })).json();
  expect(answer).toMatchObject({ valid: false, code: "REVOKED" });
});

test("rotate dialog: keeps the expiry date by default; renew, chosen with the keyboard, starts a fresh window", async ({
  page,
  owner,
}, testInfo) => {
  const old = await seedKey(owner, owner.workspace, { name: "Nightly export", expiresIn: "45d" });
  await page.goto(keyUrl(owner.workspace.slug, old.id));
  await page.getByRole("button", { name: "Rotate" }).click();
  const rotate = page.getByRole("dialog", { name: "Rotate Nightly export?" });
  const expiry = rotate.getByRole("group", { name: "The new key expires" });
  const keep = expiry.getByRole("radio", { name: /^Keep the expiry date/ });
  const renew = expiry.getByRole("radio", { name: /^Start a new 45-day window, until/ });
  await expect(keep).toBeChecked();
  await expect(renew).not.toBeChecked();
  await screenshot(page, testInfo, "rotate-dialog-expiry");

  // Keyboard only: Tab reaches the group on the checked radio, an arrow key moves the choice.
  await keep.focus();
  await page.keyboard.press("ArrowRight");
  await expect(renew).toBeChecked();
  await expect(renew).toBeFocused();
  await rotate.getByRole("button", { name: "Rotate key" }).click();
  const reveal = page.getByRole("dialog", { name: "Save your API key" });
  await reveal.getByRole("button", { name: "I have saved it" }).click();
  await expect(page).not.toHaveURL(new RegExp(`${old.id}$`));

  const newId = new URL(page.url()).pathname.split("/").at(-1)!;
  const headers = { "x-workspace-id": owner.workspace.id };
  const replacement = await (await owner.api.get(`/api/v1/keys/${newId}`, { headers })).json();
  const ms = (iso: unknown) => new Date(String(iso)).getTime();
  expect(replacement.name).toBe("Nightly export");
  expect(ms(replacement.expiresAt) - ms(replacement.createdAt)).toBe(ms(old.expiresAt) - ms(old.createdAt));
  expect(ms(replacement.expiresAt)).toBeGreaterThan(ms(old.expiresAt));
});

test("key page: a member sees no actions on a key they did not create", async ({ browser, baseURL, owner }) => {
  const key = await seedKey(owner, owner.workspace, { name: "Owner's key" });
  const member = await signUpPerson(baseURL!, "Grace Hopper");
  await join(owner, member, "member");
  const context = await browserAs(browser, member);
  const page = await context.newPage();
  await page.goto(keyUrl(owner.workspace.slug, key.id));
  await expect(page.getByRole("heading", { level: 1, name: "Owner's key" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Details" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^(Edit|Rotate|Revoke)$/ })).toHaveCount(0);
  await context.close();
  await member.api.dispose();
});
