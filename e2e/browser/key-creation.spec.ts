import { expect, test } from "@playwright/test";
import { json } from "../support/api";
import { lookAt } from "../support/look";
import { browserAs, join, signUpOwner, signUpPerson } from "../support/people";
import { screenshotOf } from "../support/screenshots";

// Each lookAt runs axe in light and dark: this journey takes longer than the default 30 s.
test.describe.configure({ timeout: 180_000 });

const NOTE = "Only owners and admins can create keys in this workspace.";

test("key creation: an owner keeps it to owners and admins; a member then sees why there is no create button", async ({
  browser,
  baseURL,
}, testInfo) => {
  const owner = await signUpOwner(baseURL!, "Olivia Owner", "Initech", "in");
  const member = await signUpPerson(baseURL!, "Milo Member");
  await join(owner, member, "member");
  const headers = { "x-workspace-id": owner.workspace.slug };
  const settings = async () => json(await owner.api.get("/api/v1/workspace", { headers }), 200);

  // By default a member creates keys: the button is there, even before the first key.
  const memberContext = await browserAs(browser, member);
  const memberPage = await memberContext.newPage();
  await memberPage.goto(`/${owner.workspace.slug}/keys`);
  await expect(memberPage.getByRole("button", { name: "Create API key" })).toBeVisible();
  await expect(memberPage.getByRole("button", { name: "Create your first key" })).toBeVisible();

  // The owner keeps key creation to owners and admins.
  const ownerContext = await browserAs(browser, owner);
  const page = await ownerContext.newPage();
  await page.goto(`/${owner.workspace.slug}/settings`);
  const card = page.getByRole("region", { name: "Key creation" });
  const everyone = card.getByRole("radio", { name: /Every member/ });
  const admins = card.getByRole("radio", { name: /Owners and admins/ });
  await expect(everyone).toBeChecked();
  await expect(card.getByRole("button", { name: "Save" })).toBeDisabled();
  await admins.check();
  await expect(card).toContainText("Members cannot create keys; theirs keep working.");
  await card.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Only owners and admins can create keys now")).toBeVisible();
  await expect(card.getByRole("button", { name: "Save" })).toBeDisabled();
  expect((await settings()).keyCreation).toBe("admins");
  await screenshotOf(card, testInfo, "settings-key-creation");
  await lookAt(page, testInfo, "settings-key-creation-page");

  // The member's keys page: no create button anywhere, one line saying who may.
  await memberPage.reload();
  await expect(memberPage.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();
  await expect(memberPage.getByText(NOTE)).toBeVisible();
  await expect(memberPage.getByRole("button", { name: "Create API key" })).toHaveCount(0);
  await expect(memberPage.getByRole("button", { name: "Create your first key" })).toHaveCount(0);
  await expect(memberPage.getByText("Owners and admins create this workspace's keys")).toBeVisible();
  await lookAt(memberPage, testInfo, "keys-member-no-create");
  // And the API says the same to a member who tries anyway.
  const refused = await member.api.post("/api/v1/keys", { headers, data: { name: "Anyway" } });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.message).toBe("Only owners and admins can create keys in this workspace");

  // The owner still creates keys from the same page.
  await page.goto(`/${owner.workspace.slug}/keys`);
  await expect(page.getByRole("button", { name: "Create API key" })).toBeVisible();
  await expect(page.getByText(NOTE)).toHaveCount(0);

  // Back to every member: the setting survives a reload, and the member's button returns.
  await page.goto(`/${owner.workspace.slug}/settings`);
  await expect(admins).toBeChecked();
  await everyone.check();
  await card.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Every member can create keys again")).toBeVisible();
  expect((await settings()).keyCreation).toBe("members");
  await memberPage.reload();
  await expect(memberPage.getByRole("button", { name: "Create API key" })).toBeVisible();
  await expect(memberPage.getByText(NOTE)).toHaveCount(0);
  await memberContext.close();
  await ownerContext.close();
});
