import { PASSWORD } from "../support/api";
import { expect, keysUrl, seedKey, test } from "../support/keys-page";
import { savePersonalKey } from "../support/personal-key";

/**
 * A session that ends while the dashboard is open (it expired, or was signed out elsewhere):
 * the next read sends the admin to sign-in, and signing in brings them back to the same page.
 */
test("a session that ends under an open page leads to sign-in and back to that page", async ({ page, owner }) => {
  await seedKey(owner, owner.workspace, { name: "Billing export" });
  await page.goto(keysUrl(owner, "environment=live"));
  await expect(page.getByRole("link", { name: "Billing export" })).toBeVisible();

  // The session cookie is gone (expired): the page's next read is refused.
  await page.context().clearCookies();
  await page.getByRole("combobox", { name: "Status" }).selectOption("revoked");

  await expect(page).toHaveURL(/\/sign-in\?next=/);
  const next = new URL(page.url()).searchParams.get("next");
  expect(next).toMatch(new RegExp(`^/${owner.workspace.slug}/keys\\?`));
  expect(next).toContain("status=revoked");
  await expect(page.getByText("Sign in or send an API key")).toHaveCount(0);

  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/${owner.workspace.slug}/keys\\?.*status=revoked`));
  // The owner (signed up over the API) had no personal key: this sign-in issued it, revealed once.
  await savePersonalKey(page);
  await expect(page.getByRole("combobox", { name: "Status" })).toHaveValue("revoked");
});
