import type { Page } from "@playwright/test";
import { expect, keyRow, keysUrl, masked, test } from "../support/keys-page";
import { lookAt } from "../support/look";

async function createThroughDialog(page: Page, name: string): Promise<string> {
  await page.getByRole("button", { name: "Create API key" }).first().click();
  const create = page.getByRole("dialog", { name: "Create API key" });
  await create.getByLabel("Name").fill(name);
  await create.getByRole("button", { name: "Create key" }).click();
  const secret = (await page.getByTestId("revealed-key").textContent()) ?? "";
  expect(secret).toMatch(/^acme_live_/);
  return secret;
}

test("closing the reveal before copying asks first: Esc, a click outside and × all do", async ({
  page,
  owner,
}, testInfo) => {
  test.slow();
  await page.goto(keysUrl(owner));
  const secret = await createThroughDialog(page, "Close warning");
  const reveal = page.getByRole("dialog", { name: "Save your API key" });
  const warning = reveal.getByRole("alert").filter({ hasText: "Close without saving?" });

  await page.keyboard.press("Escape");
  await expect(warning).toBeVisible();
  await expect(reveal.getByRole("button", { name: "Keep it open" })).toBeFocused();
  await lookAt(page, testInfo, "reveal-close-warning");
  await reveal.getByRole("button", { name: "Keep it open" }).click();
  await expect(warning).toBeHidden();
  await expect(reveal.getByTestId("revealed-key")).toHaveText(secret);

  await page.mouse.click(8, 400); // the overlay, outside the dialog
  await expect(warning).toBeVisible();
  await page.keyboard.press("Escape"); // a second Esc keeps it open
  await expect(warning).toBeHidden();
  await expect(reveal).toBeVisible();

  await reveal.getByRole("button", { name: "Close", exact: true }).click();
  await expect(warning).toBeVisible();
  await reveal.getByRole("button", { name: "Close without saving" }).click();
  await expect(reveal).toBeHidden();
  expect(await page.content()).not.toContain(secret);
  await expect(keyRow(page, "Close warning")).toContainText(masked(secret));
});

test("once copied, Esc closes the reveal at once, and the secret leaves the page", async ({ page, owner }) => {
  await page.goto(keysUrl(owner));
  const secret = await createThroughDialog(page, "Copied then closed");
  const reveal = page.getByRole("dialog", { name: "Save your API key" });
  await reveal.getByRole("button", { name: "Copy" }).click();
  await expect(page.getByText("Key copied to the clipboard")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await page.keyboard.press("Escape");
  await expect(reveal).toBeHidden();
  expect(await page.content()).not.toContain(secret);
  expect(await page.locator("body").textContent()).not.toContain(secret);
});

test("the secret conceals itself after five minutes and cannot be shown again", async ({ page, owner }) => {
  await page.clock.install();
  await page.goto(keysUrl(owner));
  const secret = await createThroughDialog(page, "Left on screen");
  const reveal = page.getByRole("dialog", { name: "Save your API key" });

  await page.clock.fastForward("04:50");
  await expect(reveal.getByTestId("revealed-key")).toHaveText(secret);
  await page.clock.fastForward("00:15");
  await expect(reveal.getByText("The secret was hidden after 5 minutes")).toBeVisible();
  await expect(reveal.getByTestId("revealed-key")).toHaveCount(0);
  await expect(reveal.getByRole("button", { name: "Copy" })).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);

  // Nothing left to lose: closing does not ask.
  await page.keyboard.press("Escape");
  await expect(reveal).toBeHidden();
  expect(await page.content()).not.toContain(secret);
});
