import { expect, test } from "@playwright/test";
import { lookAt } from "../support/look";
import { browserAs, signUpOwner } from "../support/people";
import { addVirtualAuthenticator } from "../support/webauthn";

test.describe.configure({ timeout: 180_000 });

test("add a passkey, sign in with it, rename and remove it", async ({ browser, baseURL }, testInfo) => {
  const owner = await signUpOwner(baseURL!, "Whitfield Diffie", "Keyring");
  const context = await browserAs(browser, owner);
  const page = await context.newPage();
  const { cdp, authenticatorId } = await addVirtualAuthenticator(context, page);

  await page.goto("/account");
  const card = page.getByRole("region", { name: "Passkeys" });
  await expect(card).toContainText("No passkeys yet.");
  await card.getByRole("button", { name: "Add a passkey" }).click();
  await expect(card.getByText("Name it after the device")).toBeVisible();
  await card.getByLabel("New passkey's name").fill("Work laptop");
  await card.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByText("Passkey added")).toBeVisible();
  await expect(card.getByTestId("passkey")).toHaveCount(1);
  await expect(card.getByTestId("passkey")).toContainText("Work laptop");
  const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
  expect(credentials).toHaveLength(1);
  expect(credentials[0].rpId).toBe("localhost");
  await lookAt(page, testInfo, "account-passkeys");

  await card.getByRole("button", { name: "Rename Work laptop" }).click();
  await card.getByLabel("Passkey name").fill("Desk laptop");
  await card.getByRole("button", { name: "Save" }).click();
  await expect(card.getByTestId("passkey")).toContainText("Desk laptop");

  // Signed out, the passkey alone signs in: no email, no password.
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page).toHaveURL(new RegExp(`/${owner.workspace.slug}/keys`));

  await page.goto("/account");
  await card.getByRole("button", { name: "Remove Desk laptop" }).click();
  await card.getByRole("button", { name: "Remove passkey" }).click();
  await expect(page.getByText("Passkey removed")).toBeVisible();
  await expect(card).toContainText("No passkeys yet.");

  // The removed passkey no longer signs in.
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  // The form's own alert, not Next's route announcer (also role="alert").
  await expect(page.getByRole("alert").filter({ hasText: /passkey/i })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  await context.close();
});
