import { expect, test } from "@playwright/test";
import { ADMIN } from "../support/admin";
import { json, PASSWORD } from "../support/api";
import { lookAt } from "../support/look";
import { browserAs, signUpOwner, signUpPerson } from "../support/people";
import { savePersonalKey } from "../support/personal-key";
import { screenshot } from "../support/screenshots";

// Each lookAt runs axe in light and dark: these journeys take longer than the default 30 s.
test.describe.configure({ timeout: 180_000 });

test("an invite link lets a new person create an account and join as a member", async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  const email = `invitee-${Date.now()}@keysmith.test`;
  const invite = await page.request.post("/api/v1/members/invitations", {
    headers: { origin: baseURL!, "x-workspace-id": ADMIN.slug },
    data: { email, role: "member" },
  });
  expect(invite.status()).toBe(201);
  const { link } = await invite.json();

  const guest = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const invitee = await guest.newPage();
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { name: "Join Acme" })).toBeVisible();
  await screenshot(invitee, testInfo, "invite");
  await invitee.getByRole("link", { name: "Create an account" }).click();
  await expect(invitee.getByLabel("Email")).toHaveValue(email);
  await invitee.getByLabel("Your name").fill("Ivy Invitee");
  await invitee.getByLabel("Password").fill("another-long-password");
  await invitee.getByRole("button", { name: "Create account and join" }).click();
  await expect(invitee).toHaveURL(/\/acme\/keys$/);
  await savePersonalKey(invitee);
  await expect(invitee.getByRole("link", { name: `${email} · member` })).toBeVisible();
  await guest.close();

  // A used link cannot be used again.
  const again = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const late = await again.newPage();
  await late.goto(link);
  await expect(late.getByRole("heading", { name: "This invitation cannot be used" })).toBeVisible();
  await again.close();
});

test("someone with an account signs in from the invite link and accepts; another account is told to switch", async ({
  browser,
  baseURL,
}, testInfo) => {
  const owner = await signUpOwner(baseURL!, "Olivia Owner", "Umbrella", "um");
  const invited = await signUpPerson(baseURL!, "Paula Present");
  const stranger = await signUpPerson(baseURL!, "Sid Stranger");
  const invitation = await json(
    await owner.api.post("/api/v1/members/invitations", {
      headers: { "x-workspace-id": owner.workspace.slug },
      data: { email: invited.email, role: "admin" },
    }),
    201,
  );

  const wrong = await browserAs(browser, stranger);
  const wrongPage = await wrong.newPage();
  await wrongPage.goto(invitation.link);
  await expect(wrongPage.getByText(`You are signed in as ${stranger.email}`)).toBeVisible();
  await expect(wrongPage.getByRole("button", { name: "Join Umbrella" })).toHaveCount(0);
  await lookAt(wrongPage, testInfo, "invite-wrong-account");
  await wrong.close();

  const guest = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await guest.newPage();
  await page.goto(invitation.link);
  await page.getByRole("link", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("Sign in to accept your invitation.")).toBeVisible();
  await page.getByLabel("Email").fill(invited.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/invite/${invitation.id}$`));
  // The URL changes before the page commits; its title comes with it.
  await expect(page).toHaveTitle(/^Invitation/);
  await lookAt(page, testInfo, "invite-accept");
  await page.getByRole("button", { name: "Join Umbrella" }).click();
  await expect(page).toHaveURL(new RegExp(`/${owner.workspace.slug}/keys$`));
  await expect(page.getByTestId("viewer-role")).toHaveText("admin");
  await guest.close();
});
