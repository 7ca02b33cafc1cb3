import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { adminApi } from "../support/admin-api";
import { anonymous, bearer, createKey, json } from "../support/api";
import { csvRecords } from "../support/csv";
import { lookAt } from "../support/look";

// Several light/dark accessibility scans and screenshots on a shared 2-core machine.
test.describe.configure({ timeout: 180_000 });

const rows = (page: Page) => page.locator("tbody tr[data-event-id]");

test("audit log: pages, filters kept in the URL, details, and a CSV of exactly what is filtered", async ({
  page,
  baseURL,
}, testInfo) => {
  // A workspace of its own, so that other tests' events do not change the counts.
  const slug = `audit-${randomUUID().slice(0, 8)}`;
  const owner = await adminApi(baseURL!);
  await json(await owner.post("/api/v1/workspaces", { data: { name: "Audit Co", slug, keyPrefix: "au" } }), 201);
  const api = await adminApi(baseURL!, slug);
  const alpha = await createKey(api, { name: "Alpha service" });
  const beta = await createKey(api, { name: "Beta service" });
  await json(await api.patch(`/api/v1/keys/${alpha.id}`, { data: { description: "First change" } }), 200);
  await json(await api.patch(`/api/v1/keys/${alpha.id}`, { data: { scopes: ["keys.read"] } }), 200);
  const robot = await createKey(api, { name: "Cleanup robot", scopes: ["keys.read", "keys.write", "audit.read"] });
  const machine = await anonymous(baseURL!);
  await json(
    await machine.delete(`/api/v1/keys/${beta.id}`, {
      headers: { ...bearer(robot.key), "user-agent": "cleanup-robot/1.0" },
    }),
    200,
  );
  for (let i = 0; i < 6; i++) await createKey(api, { name: `Batch key ${i}` });
  // workspace.created + 9 × key.created + 2 × key.updated + key.revoked = 13 events.

  await page.goto(`/${slug}/audit?size=10`);
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await expect(rows(page)).toHaveCount(10);
  await expect(page.getByText("Events 1–10")).toBeVisible();
  await expect(rows(page).first()).toContainText("Key created");
  await expect(rows(page).first()).toContainText("Batch key 5");
  await expect(page.getByRole("button", { name: "Newer" })).toBeDisabled();
  await lookAt(page, testInfo, "audit-log");

  await page.getByRole("button", { name: "Older" }).click();
  await expect(page.getByText("Events 11–13")).toBeVisible();
  await expect(rows(page)).toHaveCount(3);
  await expect(rows(page).last()).toContainText("Workspace created");
  await expect(page.getByRole("button", { name: "Older" })).toBeDisabled();
  await page.getByRole("button", { name: "Newer" }).click();
  await expect(page.getByText("Events 1–10")).toBeVisible();

  // The robot's revocation: the actor is the key, with where it called from.
  const revoked = rows(page).filter({ hasText: "Key revoked" });
  await expect(revoked).toHaveCount(1);
  await expect(revoked).toContainText("Cleanup robot");
  await expect(revoked).toContainText("cleanup-robot/1.0");
  await revoked.getByRole("button", { name: /^Details of key.revoked/ }).click();
  const opened = page.locator(`#audit-details-${await revoked.getAttribute("data-event-id")}`);
  await expect(opened.getByText("Actor key ID")).toBeVisible();
  await expect(opened.getByText(robot.id, { exact: true })).toBeVisible();
  await expect(opened).toContainText('"name": "Beta service"');
  await lookAt(page, testInfo, "audit-log-details");

  // Filter by action, then also by key; both land in the URL and survive a reload.
  await page.getByLabel("Action", { exact: true }).selectOption({ label: "Key updated" });
  await expect(page).toHaveURL(/action=key\.updated/);
  await expect(rows(page)).toHaveCount(2);
  await page.getByLabel("Action", { exact: true }).selectOption({ label: "All actions" });
  await page.getByLabel("Key", { exact: true }).selectOption({ label: "Alpha service" });
  await expect(page).toHaveURL(new RegExp(`key=${alpha.id}`));
  await expect(rows(page)).toHaveCount(3);
  await page.getByLabel("Action", { exact: true }).selectOption({ label: "Key updated" });
  await expect(rows(page)).toHaveCount(2);
  await page.reload();
  await expect(page.getByLabel("Action", { exact: true })).toHaveValue("key.updated");
  await expect(page.getByLabel("Key", { exact: true })).toHaveValue(alpha.id);
  await expect(rows(page)).toHaveCount(2);
  await expect(rows(page).first()).toContainText("Changed scopes");

  // The CSV holds what the filters select.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(new RegExp(`^keysmith-audit-${slug}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const exported = csvRecords(readFileSync(await file.path(), "utf8"));
  expect(exported.map((row) => [row.action, row.target_id, row.target_name])).toEqual([
    ["key.updated", alpha.id, "Alpha service"],
    ["key.updated", alpha.id, "Alpha service"],
  ]);

  // By actor: the robot key did one thing.
  await page.getByRole("button", { name: "Clear filters" }).first().click();
  await expect(page).not.toHaveURL(/action=|key=/);
  await page.getByLabel("Actor", { exact: true }).selectOption({ label: "Cleanup robot" });
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page)).toContainText("Key revoked");
  const byActor = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const actorRows = csvRecords(readFileSync(await (await byActor).path(), "utf8"));
  expect(actorRows).toHaveLength(1);
  expect(actorRows[0]).toMatchObject({ action: "key.revoked", actor_id: robot.id, user_agent: "cleanup-robot/1.0" });

  // Dates: an end before the start is refused; today holds everything.
  const today = new Date().toLocaleDateString("en-CA");
  const tomorrow = new Date(Date.now() + 86_400_000).toLocaleDateString("en-CA");
  await page.getByLabel("Actor", { exact: true }).selectOption({ label: "Anyone" });
  await page.getByLabel("From", { exact: true }).fill(tomorrow);
  await page.getByLabel("To", { exact: true }).fill(today);
  await expect(page.getByText("The end date is before the start date")).toBeVisible();
  await expect(page.getByRole("button", { name: "Export CSV" })).toBeDisabled();
  await page.getByLabel("From", { exact: true }).fill(today);
  await expect(page.getByText("Events 1–10")).toBeVisible();
  await page.getByLabel("From", { exact: true }).fill(tomorrow);
  await page.getByLabel("To", { exact: true }).fill("");
  await expect(page.getByRole("heading", { name: "No events match these filters" })).toBeVisible();
  await lookAt(page, testInfo, "audit-log-no-matches");
  await page.getByRole("button", { name: "Clear filters" }).last().click();
  await expect(rows(page)).toHaveCount(10);
});
