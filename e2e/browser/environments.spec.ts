import { expect, test } from "@playwright/test";
import { json } from "../support/api";
import { lookAt } from "../support/look";
import { browserAs, signUpOwner } from "../support/people";
import { screenshotOf } from "../support/screenshots";

// Each lookAt runs axe in light and dark: this journey takes longer than the default 30 s.
test.describe.configure({ timeout: 180_000 });

test("environments: an owner edits them in settings, the create dialog offers them, the secret carries the one chosen", async ({
  browser,
  baseURL,
}, testInfo) => {
  const owner = await signUpOwner(baseURL!, "Tomas Mate", "Tmmate", "tm");
  const headers = { "x-workspace-id": owner.workspace.slug };
  const context = await browserAs(browser, owner);
  const page = await context.newPage();
  await page.goto(`/${owner.workspace.slug}/settings`);

  const card = page.getByRole("region", { name: "Environments" });
  const list = card.getByRole("list", { name: "Environments" });
  await expect(list.getByRole("listitem")).toHaveText([/^live/, /^test/]);
  await expect(card.getByRole("button", { name: "Save" })).toBeDisabled();

  // Typing a bad name says why, under the field, and adds nothing.
  const input = card.getByLabel("New environment");
  await input.fill("Prod");
  await input.press("Enter");
  await expect(card.getByRole("alert")).toHaveText("2–10 lowercase letters (a to z), such as prod or staging");
  await expect(list.getByRole("listitem")).toHaveCount(2);

  // Keyboard only: add prod and staging with Enter, make prod the default, remove live and test.
  await input.fill("prod");
  await input.press("Enter");
  await expect(input).toHaveValue("");
  await input.fill("staging");
  await input.press("Enter");
  await card.getByRole("button", { name: "Make default: prod" }).focus();
  await page.keyboard.press("Enter");
  await card.getByRole("button", { name: "Remove live" }).focus();
  await page.keyboard.press("Enter");
  await card.getByRole("button", { name: "Remove test" }).focus();
  await page.keyboard.press(" ");
  await expect(list.getByRole("listitem")).toHaveText([/^prod.*Default/, /^staging/]);
  await expect(card).toContainText("tm_prod_…");
  await screenshotOf(card, testInfo, "settings-environments");
  await card.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Environments saved: prod, staging")).toBeVisible();
  await expect(card.getByRole("button", { name: "Save" })).toBeDisabled();
  expect((await json(await owner.api.get("/api/v1/workspace", { headers }), 200)).environments).toEqual([
    "prod",
    "staging",
  ]);
  await lookAt(page, testInfo, "settings-environments-page");

  // The create dialog offers exactly those, prod first and chosen; the key goes in staging.
  await page.goto(`/${owner.workspace.slug}/keys`);
  await page.getByRole("button", { name: "Create API key" }).first().click();
  const create = page.getByRole("dialog", { name: "Create API key" });
  const environment = create.getByRole("group", { name: "Environment" });
  await expect(environment.getByRole("radio")).toHaveCount(2);
  await expect(environment.getByRole("radio", { name: /Prod/ })).toBeChecked();
  await expect(environment).toContainText("tm_staging_…");
  await create.getByLabel("Name").fill("Staging backend");
  await environment.getByRole("radio", { name: /Staging/ }).check();
  await lookAt(page, testInfo, "create-key-environments");
  await screenshotOf(create, testInfo, "create-key-environments-dialog");
  await create.getByRole("button", { name: "Create key" }).click();
  const reveal = page.getByRole("dialog", { name: "Save your API key" });
  const secret = (await reveal.getByTestId("revealed-key").textContent()) ?? "";
  expect(secret).toMatch(/^tm_staging_[0-9A-Za-z]{38}$/);
  await reveal.getByRole("button", { name: "I have saved it" }).click();
  await expect(reveal).toBeHidden();

  // The table says staging, and the filter offers the workspace's environments.
  const row = page.locator("tr", { hasText: "Staging backend" });
  await expect(row.getByText("Staging", { exact: true })).toBeVisible();
  const filter = page.getByRole("combobox", { name: "Environment" });
  await expect(filter.locator("option")).toHaveText(["All environments", "Prod", "Staging"]);
  await filter.selectOption("prod");
  await expect(page).toHaveURL(/env=prod/);
  await expect(row).toBeHidden();
  await filter.selectOption("staging");
  await expect(row).toBeVisible();

  // Back in settings, staging cannot go while the key uses it: the card says how many.
  await page.goto(`/${owner.workspace.slug}/settings`);
  await card.getByRole("button", { name: "Remove staging" }).click();
  await card.getByRole("button", { name: "Save" }).click();
  await expect(card.getByRole("alert")).toHaveText('1 key still uses "staging": revoke it first');
  await screenshotOf(card, testInfo, "settings-environments-in-use");
  expect((await json(await owner.api.get("/api/v1/workspace", { headers }), 200)).environments).toEqual([
    "prod",
    "staging",
  ]);
  await context.close();
});
