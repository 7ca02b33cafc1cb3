import { expect, test } from "@playwright/test";
import { ADMIN } from "../support/admin";
import { screenshot } from "../support/screenshots";

test("account: create the personal key, reveal it once, rotate it with a grace period", async ({
  page,
  request,
}, testInfo) => {
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: ADMIN.name })).toBeVisible();
  await page.getByRole("button", { name: "Create personal key" }).click();
  const reveal = page.getByRole("dialog", { name: "Save your API key" });
  const first = (await reveal.getByTestId("revealed-key").textContent()) ?? "";
  expect(first).toMatch(/^user_live_[0-9A-Za-z]{38}$/);
  await reveal.getByRole("button", { name: "I have saved it" }).click();
  await expect(page.getByTestId("personal-masked-key")).toHaveText(`${first.slice(0, 14)}…${first.slice(-4)}`);
  expect(await page.content()).not.toContain(first);
  await screenshot(page, testInfo, "account");

  await page.getByLabel("Old key keeps working for").selectOption("1h");
  await page.getByRole("button", { name: "Rotate personal key" }).click();
  const second = (await reveal.getByTestId("revealed-key").textContent()) ?? "";
  expect(second).not.toBe(first);
  await reveal.getByRole("button", { name: "I have saved it" }).click();
  await expect(page.getByTestId("personal-masked-key")).toHaveText(`${second.slice(0, 14)}…${second.slice(-4)}`);

  for (const key of [first, second]) {
    const me = await request.get("/api/v1/me", { headers: { authorization: `Bearer ${key}` } });
    expect(me.status()).toBe(200);
    expect((await me.json()).workspace.slug).toBe(ADMIN.slug);
  }
});

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
  await expect(invitee.getByRole("link", { name: `${email} · member` })).toBeVisible();
  await guest.close();

  // A used link cannot be used again.
  const again = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const late = await again.newPage();
  await late.goto(link);
  await expect(late.getByRole("heading", { name: "This invitation cannot be used" })).toBeVisible();
  await again.close();
});
