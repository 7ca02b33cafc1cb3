import type { Browser, Page } from "@playwright/test";
import { json } from "../support/api";
import { addPerson, expect, keysUrl, type Owner, type Person, test } from "../support/keys-page";
import { lookAt } from "../support/look";
import { screenshot } from "../support/screenshots";

/**
 * Issue 18's dashboard that updates itself: two admins of one workspace, each in a browser
 * context of their own. What Bob does (through the API, with his session) shows on Ada's
 * open pages within a second, without a reload and without taking her focus.
 */

/** Within a second of the change, plus a little room for the assertion's own polling. */
const LIVE = { timeout: 1_500 };

async function twoAdmins(browser: Browser, baseURL: string, owner: Owner) {
  const ada = await addPerson(baseURL, owner, "Ada Admin", "admin");
  const bob = await addPerson(baseURL, owner, "Bob Admin", "admin");
  const context = await browser.newContext({ storageState: await ada.api.storageState() });
  const page = await context.newPage();
  return { ada, bob, context, page };
}

/** Bob's hands: the same /api/v1 routes the dashboard calls, with his session. */
function actAs(bob: Person, owner: Owner) {
  const headers = { "x-workspace-id": owner.workspace.id };
  return {
    create: async (name: string) =>
      json(await bob.api.post("/api/v1/keys", { headers, data: { name, environment: "test" } }), 201),
    rename: async (id: string, name: string) =>
      json(await bob.api.patch(`/api/v1/keys/${id}`, { headers, data: { name } }), 200),
    rotate: async (id: string) =>
      json(await bob.api.post(`/api/v1/keys/${id}/rotate`, { headers, data: { gracePeriod: "1h" } }), 201),
    revoke: async (id: string) => json(await bob.api.delete(`/api/v1/keys/${id}`, { headers }), 200),
  };
}

/** A mark on the window: still there at the end means the page never reloaded or navigated away. */
async function markWindow(page: Page) {
  await page.evaluate(() => {
    (window as unknown as { liveMarker: string }).liveMarker = "still here";
  });
  return () => page.evaluate(() => (window as unknown as { liveMarker?: string }).liveMarker);
}

const indicator = (page: Page) => page.getByTestId("live-indicator");
const toast = (page: Page, text: string) => page.locator("[data-sonner-toast]").filter({ hasText: text });

test("another admin's create, edit, rotate and revoke appear in the key table at once, focus stays put", async ({
  browser,
  baseURL,
  owner,
}, testInfo) => {
  test.slow();
  const { bob, context, page } = await twoAdmins(browser, baseURL!, owner);
  const act = actAs(bob, owner);
  await act.create("Reporting"); // a workspace with no keys at all shows no search box
  await page.goto(keysUrl(owner));
  await expect(page.getByRole("status", { name: "Live updates: connected" })).toBeVisible();
  await expect(indicator(page)).toHaveAttribute("data-state", "live");
  const marker = await markWindow(page);

  // Ada is typing in the search box when Bob's changes arrive.
  const search = page.getByRole("searchbox", { name: "Search keys by name" });
  await search.click();
  await search.pressSequentially("Bill");
  await expect(page).toHaveURL(/q=Bill/);

  const created = await act.create("Billing service");
  const row = page.locator(`tr[data-key-id="${created.id}"]`);
  await expect(row).toContainText("Billing service", LIVE);
  await expect(row).toContainText("by Bob Admin");
  await expect(toast(page, "Bob Admin created “Billing service”")).toBeVisible(LIVE);
  await expect(search).toBeFocused();
  await expect(search).toHaveValue("Bill");
  await screenshot(page, testInfo, "live-keys-created-toast");

  await act.rename(created.id, "Billing service EU");
  await expect(row.getByRole("link")).toHaveText("Billing service EU", LIVE);
  await expect(toast(page, "Bob Admin edited “Billing service EU”")).toBeVisible(LIVE);
  await expect(toast(page, "Bob Admin edited").getByText("Changed: name")).toBeVisible();

  const rotated = await act.rotate(created.id);
  await expect(row).toContainText("In grace", LIVE);
  await expect(page.locator(`tr[data-key-id="${rotated.id}"]`)).toContainText("Active", LIVE);
  await expect(toast(page, "Bob Admin rotated “Billing service EU”")).toBeVisible(LIVE);
  // The rotation's new key is news of the rotation, not a creation of its own.
  await expect(toast(page, "Bob Admin created “Billing service EU”")).toHaveCount(0);

  await act.revoke(rotated.id);
  await expect(page.locator(`tr[data-key-id="${rotated.id}"]`)).toContainText("Revoked", LIVE);
  await expect(toast(page, "Bob Admin revoked “Billing service EU”")).toBeVisible(LIVE);

  // The same row elements were patched in place, focus never left the search box, no reload.
  await expect(search).toBeFocused();
  await expect(search).toHaveValue("Bill");
  expect(await marker()).toBe("still here");
  await screenshot(page, testInfo, "live-keys-revoked-toast");
  await lookAt(page, testInfo, "live-keys-table");

  // Ada's own change: the action's own toast, and no second one from the stream naming her.
  await page.getByRole("button", { name: "Actions for Billing service EU" }).first().click();
  await page.getByRole("menuitem", { name: "Revoke" }).click();
  await page
    .getByRole("dialog", { name: /^Revoke/ })
    .getByRole("button", { name: "Revoke key" })
    .click();
  await expect(toast(page, "It stops working immediately")).toBeVisible();
  await expect(page.locator(`tr[data-key-id="${created.id}"]`)).toContainText("Revoked");
  await page.waitForTimeout(1_000); // the stream's echo of her own revocation has come by now
  await expect(toast(page, "Ada Admin revoked")).toHaveCount(0);
  await context.close();
});

test("a control that goes under the keyboard's focus hands it on: the row's link, the key's heading", async ({
  browser,
  baseURL,
  owner,
}) => {
  const { bob, context, page } = await twoAdmins(browser, baseURL!, owner);
  const act = actAs(bob, owner);
  const key = await act.create("Focused key");
  await page.goto(keysUrl(owner));
  await expect(indicator(page)).toHaveAttribute("data-state", "live");
  const menu = page.getByRole("button", { name: "Actions for Focused key" });
  await menu.focus();
  await expect(menu).toBeFocused();
  await act.revoke(key.id);
  const row = page.locator(`tr[data-key-id="${key.id}"]`);
  await expect(row).toContainText("Revoked", LIVE);
  await expect(row.getByRole("link", { name: "Focused key" })).toBeFocused();

  const other = await act.create("Focused on its page");
  await page.goto(`${keysUrl(owner)}/${other.id}`);
  await expect(indicator(page)).toHaveAttribute("data-state", "live");
  const revokeButton = page.locator('[data-key-action="revoke"]');
  await revokeButton.focus();
  await act.revoke(other.id);
  await expect(revokeButton).toHaveCount(0, LIVE);
  await expect(page.locator("[data-key-heading]")).toBeFocused();
  await context.close();
});

test("the key page and an open dialog follow another admin's changes; so does the audit log", async ({
  browser,
  baseURL,
  owner,
}, testInfo) => {
  test.slow();
  const { bob, context, page } = await twoAdmins(browser, baseURL!, owner);
  const act = actAs(bob, owner);
  const key = await act.create("Reporting");
  await page.goto(`${keysUrl(owner)}/${key.id}`);
  await expect(indicator(page)).toHaveAttribute("data-state", "live");
  const marker = await markWindow(page);

  await act.rename(key.id, "Reporting export");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reporting export", LIVE);
  await expect(page.getByRole("list", { name: "Audit events for this key" }).locator("li").first()).toHaveAttribute(
    "data-action",
    "key.updated",
    LIVE,
  );

  // Ada is editing the key's description when Bob revokes it: the dialog stays, says so,
  // keeps what she typed and her focus, and no longer offers to save.
  await page.getByRole("button", { name: "Edit" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit Reporting export" });
  const description = dialog.getByLabel("Description (optional)");
  await description.fill("Nightly CSV");
  await act.revoke(key.id);
  await expect(dialog.getByTestId("remote-key-change")).toHaveText(/Bob Admin revoked this key just now/, LIVE);
  await expect(description).toBeFocused();
  await expect(description).toHaveValue("Nightly CSV");
  await expect(dialog.getByRole("button", { name: "Save changes" })).toBeDisabled();
  await lookAt(page, testInfo, "live-edit-dialog-revoked");
  await dialog.getByText("Close", { exact: true }).click(); // the footer's Cancel, now named for what it does
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/Revoked .*Verifications answer/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Edit" })).toHaveCount(0);
  expect(await marker()).toBe("still here");

  // The audit log, reached by a link: the same connection carries on.
  await page.getByRole("link", { name: "Audit log", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await expect(indicator(page)).toHaveAttribute("data-state", "live");
  const other = await act.create("Audit newcomer");
  const newest = page.locator("tr[data-event-id]").first();
  await expect(newest).toContainText("Audit newcomer", LIVE);
  await expect(newest).toContainText("Bob Admin");
  expect(await marker()).toBe("still here");
  expect(other.id).toBeTruthy();
  await context.close();
});

test("when the stream drops, the indicator says so, polling carries changes, and it resumes where it left off", async ({
  browser,
  baseURL,
  owner,
}, testInfo) => {
  test.slow();
  const { bob, context, page } = await twoAdmins(browser, baseURL!, owner);
  const act = actAs(bob, owner);
  // Every stream connection of Ada's tab passes through here, so the test can cut it.
  let down = false;
  const open: { close: () => Promise<void> }[] = [];
  const sentByAda: Record<string, unknown>[] = [];
  await page.routeWebSocket(/\/api\/v1\/ws$/, (ws) => {
    if (down) return void ws.close({ code: 4000, reason: "cut by the test" });
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      sentByAda.push(JSON.parse(String(message)));
      server.send(message);
    });
    open.push(ws);
  });
  await page.goto(keysUrl(owner));
  await expect(indicator(page)).toHaveAttribute("data-state", "live");
  const marker = await markWindow(page);
  const first = await act.create("Before the cut");
  await expect(page.locator(`tr[data-key-id="${first.id}"]`)).toBeVisible(LIVE);

  down = true;
  await Promise.all(open.splice(0).map((ws) => ws.close()));
  await expect(indicator(page)).toHaveAttribute("data-state", /reconnecting|offline/);
  await expect(page.getByRole("status", { name: /^Live updates: offline, checking for changes/ })).toBeVisible({
    timeout: 5_000,
  });
  await expect(indicator(page)).toContainText("Polling");
  await screenshot(page, testInfo, "live-keys-polling");

  // No stream, no toast: the change still arrives, by polling (every 5 s).
  const during = await act.create("During the cut");
  await expect(page.locator(`tr[data-key-id="${during.id}"]`)).toBeVisible({ timeout: 7_000 });
  await act.revoke(first.id);
  await expect(page.locator(`tr[data-key-id="${first.id}"]`)).toContainText("Revoked", { timeout: 7_000 });

  // Back: the indicator's button tries at once, and the tab asks for what it missed.
  down = false;
  await indicator(page)
    .getByRole("button", { name: /Reconnect now/ })
    .click();
  await expect(indicator(page)).toHaveAttribute("data-state", "live");
  await expect
    .poll(() => sentByAda.filter((m) => m.type === "resume").at(-1))
    .toMatchObject({ type: "resume", after: expect.stringMatching(/\S/) });
  expect(sentByAda[0]).toMatchObject({ type: "auth", workspaceId: owner.workspace.id });
  const after = await act.create("After the cut");
  await expect(page.locator(`tr[data-key-id="${after.id}"]`)).toBeVisible(LIVE);
  await expect(toast(page, "Bob Admin created “After the cut”")).toBeVisible(LIVE);
  expect(await marker()).toBe("still here");
  await context.close();
});
