import { expect, type Page } from "@playwright/test";

/**
 * A browser sign-up (or an older account's first sign-in) reveals the user's new personal key
 * once, on the page that opens next: read the secret, say it was saved, and return it.
 */
export async function savePersonalKey(page: Page): Promise<string> {
  const reveal = page.getByRole("dialog", { name: "Save your API key" });
  await expect(reveal).toContainText("Your personal API key");
  const secret = (await reveal.getByTestId("revealed-key").textContent()) ?? "";
  expect(secret).toMatch(/^user_live_[0-9A-Za-z]{38}$/);
  await reveal.getByRole("button", { name: "I have saved it" }).click();
  await expect(reveal).toBeHidden();
  return secret;
}
