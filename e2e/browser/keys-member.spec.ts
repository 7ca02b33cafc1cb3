import { addPerson, expect, keyRow, keysUrl, seedKey, test } from "../support/keys-page";
import { lookAt } from "../support/look";

test("a member manages only the keys they created, and grants only what their role holds", async ({
  browser,
  baseURL,
  owner,
}, testInfo) => {
  test.slow();
  const member = await addPerson(baseURL!, owner, "Mia Member", "member");
  await seedKey(owner, owner.workspace, { name: "Owner's key", scopes: ["keys.write"] });
  await seedKey(member, owner.workspace, { name: "Mia's key", scopes: ["keys.read"] });

  const context = await browser.newContext({ storageState: await member.api.storageState() });
  const page = await context.newPage();
  await page.goto(keysUrl(owner));
  await expect(page.getByTestId("viewer-role")).toHaveText("member");

  await expect(keyRow(page, "Owner's key")).toBeVisible();
  await expect(keyRow(page, "Owner's key").getByRole("button", { name: /Actions for/ })).toHaveCount(0);
  await keyRow(page, "Mia's key").getByRole("button", { name: "Actions for Mia's key" }).click();
  await expect(page.getByRole("menuitem")).toHaveText(["Edit", "Rotate", "Revoke"]);
  await page.keyboard.press("Escape");
  await lookAt(page, testInfo, "keys-table-member");

  // Creating: a member's ceiling is the read scopes only.
  await page.getByRole("button", { name: "Create API key" }).click();
  const create = page.getByRole("dialog", { name: "Create API key" });
  await expect(create.getByRole("checkbox")).toHaveCount(5); // the reads and keys.verify
  await expect(create.getByRole("checkbox", { name: /keys\.write/ })).toHaveCount(0);
  await create.getByLabel("Name").fill("Mia's second key");
  await create.getByRole("radio", { name: /Test/ }).check();
  await create.getByRole("button", { name: "Create key" }).click();
  const reveal = page.getByRole("dialog", { name: "Save your API key" });
  await expect(reveal.getByTestId("revealed-key")).toHaveText(/^acme_test_/);
  await reveal.getByRole("button", { name: "Copy" }).click();
  await reveal.getByRole("button", { name: "I have saved it" }).click();
  const created = keyRow(page, "Mia's second key");
  await expect(created).toContainText("by Mia Member");
  await expect(created.getByRole("button", { name: "Actions for Mia's second key" })).toBeVisible();
  await context.close();
});
