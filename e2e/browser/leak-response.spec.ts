import { expect, test } from "@playwright/test";
import { anonymous, json } from "../support/api";
import { lookAt } from "../support/look";
import { browserAs, signUpOwner } from "../support/people";
import { screenshotOf } from "../support/screenshots";

// Each lookAt runs axe in light and dark: this journey takes longer than the default 30 s.
test.describe.configure({ timeout: 180_000 });

test("leaked keys: an owner chooses to disable rather than revoke; a report then disables the key and the audit log says so", async ({
  browser,
  baseURL,
}, testInfo) => {
  const owner = await signUpOwner(baseURL!, "Lena Leak", "Leakproof");
  const headers = { "x-workspace-id": owner.workspace.slug };
  const settings = async () => json(await owner.api.get("/api/v1/workspace", { headers }), 200);
  const context = await browserAs(browser, owner);
  const page = await context.newPage();

  await page.goto(`/${owner.workspace.slug}/settings`);
  const card = page.getByRole("region", { name: "Leaked keys" });
  const revoke = card.getByRole("radio", { name: /Revoke at once/ });
  const disable = card.getByRole("radio", { name: /Disable and notify/ });
  const save = card.getByRole("button", { name: "Save" });
  await expect(revoke).toBeChecked();
  await expect(save).toBeDisabled();
  await expect(card).toContainText("A reported key is revoked at once");

  await disable.check();
  await expect(card).toContainText("A reported key is disabled");
  await save.click();
  await expect(page.getByText("Leaked keys will be disabled, not revoked")).toBeVisible();
  await expect(save).toBeDisabled();
  expect((await settings()).leakResponse).toBe("disable");
  await screenshotOf(card, testInfo, "settings-leak-response");
  await lookAt(page, testInfo, "settings-leak-response-page");

  // A key of this workspace is reported: it is disabled, not revoked.
  const key = await json(await owner.api.post("/api/v1/keys", { headers, data: { name: "Payments worker" } }), 201);
  const reporter = await anonymous(baseURL!);
  const reported = await reporter.post("/api/v1/keys/report-leak", {
    data: { keys: [key.key], source: "GitHub secret scanning", url: "https://github.com/leakproof/app/blob/main/.env" },
  });
  expect(reported.status()).toBe(202);
  await reporter.dispose();

  await page.goto(`/${owner.workspace.slug}/audit`);
  const row = page.locator("tbody tr[data-event-id]").filter({ hasText: "Key leaked" });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Payments worker");
  await expect(row).toContainText(
    "Reported by GitHub secret scanning at https://github.com/leakproof/app/blob/main/.env; disabled",
  );
  const changed = page.locator("tbody tr[data-event-id]").filter({ hasText: "Changed leakResponse" });
  await expect(changed).toHaveCount(1);
  await lookAt(page, testInfo, "audit-key-leaked");

  // The key's own page shows it disabled.
  await page.goto(`/${owner.workspace.slug}/keys/${key.id}`);
  await expect(page.getByText("Disabled").first()).toBeVisible();

  // Back to revoking: the choice survives a reload.
  await page.goto(`/${owner.workspace.slug}/settings`);
  await expect(disable).toBeChecked();
  await revoke.check();
  await save.click();
  await expect(page.getByText("Leaked keys will be revoked at once")).toBeVisible();
  expect((await settings()).leakResponse).toBe("revoke");
  await context.close();
});
