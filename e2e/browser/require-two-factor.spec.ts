import { expect, test } from "@playwright/test";
import { bearer, json, PASSWORD } from "../support/api";
import { lookAt } from "../support/look";
import { browserAs, join, signUpOwner, signUpPerson } from "../support/people";
import { totpCode } from "../support/totp";
import { enableTotp } from "../support/two-factor";

test.describe.configure({ timeout: 180_000 });

test("a member without two-factor sees only the set-up page until they turn it on", async ({
  browser,
  baseURL,
}, testInfo) => {
  const owner = await signUpOwner(baseURL!, "Radia Perlman", "Spanning");
  const member = await signUpPerson(baseURL!, "Vint Cerf");
  await join(owner, member, "member");
  const headers = { "x-workspace-id": owner.workspace.slug };
  const key = await json(await member.api.post("/api/v1/keys", { headers, data: { name: "Router" } }), 201);
  await enableTotp(owner.api);

  // The owner turns the rule on from the settings page.
  const ownerContext = await browserAs(browser, owner);
  const settings = await ownerContext.newPage();
  await settings.goto(`/${owner.workspace.slug}/settings`);
  const rule = settings.getByRole("region", { name: "Two-factor authentication" });
  const ruleSwitch = rule.getByRole("switch", { name: "Members must use two-factor" });
  await expect(ruleSwitch).toHaveAttribute("aria-checked", "false");
  await ruleSwitch.click();
  await rule.getByRole("button", { name: "Save" }).click();
  await expect(settings.getByText("Members now must use two-factor")).toBeVisible();
  await ownerContext.close();

  // The member still signs in, but every page of the workspace sends them to set it up.
  const context = await browserAs(browser, member);
  const page = await context.newPage();
  await page.goto(`/${owner.workspace.slug}/members`);
  await expect(page).toHaveURL(/\/two-factor-required\?workspace=/);
  await expect(page.getByRole("heading", { name: "Two-factor authentication required" })).toBeVisible();
  await lookAt(page, testInfo, "two-factor-required");
  expect((await page.request.get("/api/v1/keys", { headers })).status()).toBe(403);
  await json(await page.request.get("/api/v1/keys", { headers: bearer(key.key) }), 200);

  // Set up from the link, then the workspace opens.
  await page.getByRole("link", { name: "Set up two-factor" }).click();
  await expect(page).toHaveURL(/\/account/);
  const card = page.getByRole("region", { name: "Two-factor authentication" });
  await card.getByRole("button", { name: "Set up an authenticator app" }).click();
  await card.getByLabel("Your password").fill(PASSWORD);
  await card.getByRole("button", { name: "Continue" }).click();
  const secret = ((await card.getByTestId("totp-secret").textContent()) ?? "").replace(/\s/g, "");
  await card.getByLabel("Code from the app").fill(totpCode(secret));
  await card.getByRole("button", { name: "Turn on" }).click();
  await card.getByRole("button", { name: "I saved them" }).click();
  await page.goto(`/${owner.workspace.slug}/keys`);
  await expect(page.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();
  await json(await page.request.get("/api/v1/keys", { headers }), 200);
  await context.close();
});
