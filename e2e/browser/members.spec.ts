import { expect, type Page, test } from "@playwright/test";
import { createKey, json } from "../support/api";
import { lookAt } from "../support/look";
import { browserAs, join, signUpOwner, signUpPerson } from "../support/people";
import { savePersonalKey } from "../support/personal-key";

// Each lookAt runs axe in light and dark: these journeys take longer than the default 30 s.
test.describe.configure({ timeout: 180_000 });

const roleSelect = (page: Page, name: string) => page.getByRole("combobox", { name: `Role of ${name}` });
const memberRow = (page: Page, name: string) => page.getByRole("row", { name: new RegExp(name) });

test("invite through the dialog, copy the link, and the invitee joins with a read-only member view", async ({
  browser,
  baseURL,
}, testInfo) => {
  const owner = await signUpOwner(baseURL!, "Olivia Owner", "Northwind", "nw");
  const ownerKey = await createKey(owner.api, { name: "Billing service" });
  const ownerContext = await browserAs(browser, owner);
  const page = await ownerContext.newPage();
  await page.goto(`/${owner.workspace.slug}/members`);
  await expect(memberRow(page, "Olivia Owner")).toContainText("Only owner");
  await expect(page.getByText("No pending invitations")).toBeVisible();
  await lookAt(page, testInfo, "members");

  await page.getByRole("button", { name: "Invite member" }).click();
  const invite = page.getByRole("dialog", { name: "Invite a member" });
  await invite.getByLabel("Email").fill("not an email");
  await invite.getByRole("button", { name: "Create invitation" }).click();
  await expect(invite.getByText("Enter a valid email address")).toBeVisible();
  await expect(invite.getByLabel("Email")).toHaveValue("not an email");
  await lookAt(page, testInfo, "members-invite-dialog");

  const email = `ivy-${Date.now()}@example.com`;
  await invite.getByLabel("Email").fill(email);
  await invite.getByLabel("Role").selectOption("member");
  await invite.getByRole("button", { name: "Create invitation" }).click();
  const created = page.getByRole("dialog", { name: "Invitation created" });
  await expect(created).toContainText(email);
  await lookAt(page, testInfo, "members-invite-link-dialog");
  await created.getByRole("button", { name: "Copy link" }).click();
  await expect(created.getByRole("button", { name: "Copied" })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(new RegExp(`^${baseURL}/invite/inv_`));
  await expect(created.getByLabel("Invite link")).toHaveValue(link);
  await created.getByRole("button", { name: "Done" }).click();
  await expect(created).toBeHidden();

  const pending = page.getByRole("row", { name: new RegExp(email) });
  await expect(pending).toContainText("Olivia Owner");
  await expect(pending).toContainText(/in 7 days/);

  // The invitee has no session at all: a fresh context, no storage state.
  const guest = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const invitee = await guest.newPage();
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { name: "Join Northwind" })).toBeVisible();
  await lookAt(invitee, testInfo, "invite");
  await invitee.getByRole("link", { name: "Create an account" }).click();
  await expect(invitee.getByLabel("Email")).toHaveValue(email);
  await invitee.getByLabel("Your name").fill("Ivy Invitee");
  await invitee.getByLabel("Password").fill("another-long-password");
  await lookAt(invitee, testInfo, "sign-up-invite");
  await invitee.getByRole("button", { name: "Create account and join" }).click();
  await expect(invitee).toHaveURL(new RegExp(`/${owner.workspace.slug}/keys$`));
  await savePersonalKey(invitee);

  // What a member is offered: reading, not managing.
  const nav = invitee.getByRole("navigation", { name: "Workspace" });
  await expect(nav.getByRole("link", { name: "Members" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Settings" })).toHaveCount(0);
  await expect(invitee.getByTestId("viewer-role")).toHaveText("member");
  await expect(invitee.getByRole("row", { name: /Billing service/ })).toBeVisible();
  // Nothing to do to someone else's key: no revoke button, no row actions menu.
  await expect(invitee.getByRole("button", { name: /Revoke/ })).toHaveCount(0);
  await expect(invitee.getByRole("button", { name: "Actions for Billing service" })).toHaveCount(0);
  await lookAt(invitee, testInfo, "member-keys");

  await nav.getByRole("link", { name: "Members" }).click();
  await expect(memberRow(invitee, "Ivy Invitee")).toContainText("You");
  await expect(memberRow(invitee, "Olivia Owner")).toContainText("Owner");
  await expect(invitee.getByRole("button", { name: "Invite member" })).toHaveCount(0);
  await expect(invitee.getByRole("combobox", { name: /Role of/ })).toHaveCount(0);
  await expect(invitee.getByRole("button", { name: /^Remove/ })).toHaveCount(0);
  await expect(invitee.getByRole("button", { name: /Copy link|Revoke/ })).toHaveCount(0);
  await expect(invitee.getByRole("button", { name: "Leave workspace" })).toBeEnabled();
  await lookAt(invitee, testInfo, "member-members");

  await invitee.goto(`/${owner.workspace.slug}/settings`);
  await expect(invitee.getByRole("heading", { name: "You don't have access to settings" })).toBeVisible();
  await expect(invitee.getByRole("button", { name: "Save" })).toHaveCount(0);
  await lookAt(invitee, testInfo, "member-settings");

  // The API agrees with the pages.
  const asMember = { origin: baseURL!, "x-workspace-id": owner.workspace.slug };
  const rename = await invitee.request.patch("/api/v1/workspace", { headers: asMember, data: { name: "Mine now" } });
  expect(rename.status()).toBe(403);
  const inviteMore = await invitee.request.post("/api/v1/members/invitations", {
    headers: asMember,
    data: { email: "friend@example.com" },
  });
  expect(inviteMore.status()).toBe(403);
  const revoke = await invitee.request.delete(`/api/v1/keys/${ownerKey.id}`, { headers: asMember });
  expect(revoke.status()).toBe(403);
  await guest.close();

  // The owner sees the new member, and the invitation is no longer pending.
  await page.reload();
  await expect(roleSelect(page, "Ivy Invitee")).toHaveValue("member");
  await expect(page.getByText("No pending invitations")).toBeVisible();
  await ownerContext.close();
});

test("an admin changes roles (confirming a demotion), removes a member, and demotes themselves", async ({
  browser,
  baseURL,
}, testInfo) => {
  const owner = await signUpOwner(baseURL!, "Olivia Owner", "Initech", "it");
  const admin = await signUpPerson(baseURL!, "Adam Admin");
  const mia = await signUpPerson(baseURL!, "Mia Member");
  const max = await signUpPerson(baseURL!, "Max Member");
  await join(owner, admin, "admin");
  await join(owner, mia, "member");
  await join(owner, max, "member");
  const headers = { "x-workspace-id": owner.workspace.slug };
  const roles = async () =>
    Object.fromEntries(
      (await json(await owner.api.get("/api/v1/members", { headers }), 200)).data.map(
        (m: { name: string; role: string }) => [m.name, m.role],
      ),
    );

  const context = await browserAs(browser, admin);
  const page = await context.newPage();
  await page.goto(`/${owner.workspace.slug}/members`);
  // Admins do not touch owners: no role menu, no remove.
  await expect(memberRow(page, "Olivia Owner")).toContainText("Owner");
  await expect(roleSelect(page, "Olivia Owner")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Remove Olivia Owner" })).toHaveCount(0);
  await expect(roleSelect(page, "Mia Member").locator("option")).toHaveText(["Admin", "Member"]);
  await lookAt(page, testInfo, "members-admin-view");

  // Promoting needs no confirmation.
  await roleSelect(page, "Mia Member").selectOption("admin");
  await expect(page.getByText("Mia Member is now an admin")).toBeVisible();
  await expect(roleSelect(page, "Mia Member")).toHaveValue("admin");
  expect((await roles())["Mia Member"]).toBe("admin");

  // Demoting an admin is confirmed; cancelling changes nothing.
  await roleSelect(page, "Mia Member").selectOption("member");
  const confirm = page.getByRole("dialog", { name: "Change Mia Member's role to member?" });
  await expect(confirm).toBeVisible();
  await lookAt(page, testInfo, "members-role-confirm");
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toBeHidden();
  await expect(roleSelect(page, "Mia Member")).toHaveValue("admin");
  expect((await roles())["Mia Member"]).toBe("admin");
  await roleSelect(page, "Mia Member").selectOption("member");
  await confirm.getByRole("button", { name: "Change role" }).click();
  await expect(confirm).toBeHidden();
  await expect(roleSelect(page, "Mia Member")).toHaveValue("member");
  expect((await roles())["Mia Member"]).toBe("member");

  // Removing is confirmed, and the removed member loses access at once.
  await page.getByRole("button", { name: "Remove Max Member" }).click();
  const remove = page.getByRole("dialog", { name: "Remove Max Member?" });
  await expect(remove).toContainText(max.email);
  await lookAt(page, testInfo, "members-remove-confirm");
  await remove.getByRole("button", { name: "Remove member" }).click();
  await expect(remove).toBeHidden();
  await expect(memberRow(page, "Max Member")).toHaveCount(0);
  expect(await roles()).not.toHaveProperty("Max Member");
  expect((await max.api.get("/api/v1/members", { headers })).status()).toBe(403);

  // Demoting yourself is confirmed too, and the page then offers only what a member may do.
  await roleSelect(page, "Adam Admin").selectOption("member");
  const self = page.getByRole("dialog", { name: "Make yourself a member?" });
  await self.getByRole("button", { name: "Change role" }).click();
  await expect(self).toBeHidden();
  await expect(page.getByTestId("viewer-role")).toHaveText("member");
  await expect(page.getByRole("button", { name: "Invite member" })).toHaveCount(0);
  await expect(page.getByRole("combobox", { name: /Role of/ })).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Settings" })).toHaveCount(
    0,
  );
  expect((await roles())["Adam Admin"]).toBe("member");
  await context.close();
});

test("the only owner cannot leave; invitations can be revoked; a member leaves", async ({ browser, baseURL }) => {
  const owner = await signUpOwner(baseURL!, "Olivia Owner", "Hooli", "hl");
  const mia = await signUpPerson(baseURL!, "Mia Member");
  await join(owner, mia, "member");
  const headers = { "x-workspace-id": owner.workspace.slug };
  const invitation = await json(
    await owner.api.post("/api/v1/members/invitations", { headers, data: { email: "late@example.com" } }),
    201,
  );

  const ownerContext = await browserAs(browser, owner);
  const page = await ownerContext.newPage();
  await page.goto(`/${owner.workspace.slug}/members`);
  await expect(page.getByText("You are the only owner of Hooli.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Leave workspace" })).toBeDisabled();
  await expect(roleSelect(page, "Olivia Owner")).toHaveCount(0);

  await page.getByRole("button", { name: "Revoke invitation for late@example.com" }).click();
  await expect(page.getByText("No pending invitations")).toBeVisible();
  const late = await signUpPerson(baseURL!, "Late Comer");
  expect((await late.api.post(`/api/v1/invitations/${invitation.id}/accept`)).status()).toBe(404);

  const memberContext = await browserAs(browser, mia);
  const member = await memberContext.newPage();
  await member.goto(`/${owner.workspace.slug}/members`);
  await member.getByRole("button", { name: "Leave workspace" }).click();
  const leave = member.getByRole("dialog", { name: "Leave Hooli?" });
  await leave.getByRole("button", { name: "Leave workspace" }).click();
  // Mia has no other workspace, so she lands on "create one".
  await expect(member).toHaveURL(/\/new$/);
  await page.reload();
  await expect(memberRow(page, "Mia Member")).toHaveCount(0);
  await ownerContext.close();
  await memberContext.close();
});
