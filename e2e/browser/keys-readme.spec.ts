import { json } from "../support/api";
import { addPerson, expect, keyRow, keysUrl, newOwner, seedKey, test } from "../support/keys-page";
import { lookAt } from "../support/look";

test.use({ viewport: { width: 1360, height: 760 } });

/**
 * A workspace that looks lived in, in both themes. `npm run screenshots` copies its light
 * picture to public/screenshots/keys-table.png for the README (a test run changes no tracked file).
 */
test("a populated key table, in both themes (the README screenshot)", async ({ browser, baseURL }, testInfo) => {
  test.slow();
  // A tidy address for the header; a random one if this server has seen it already.
  const owner = await newOwner(baseURL!, "Ada Lovelace", "Acme", "ada@acme.test").catch(() =>
    newOwner(baseURL!, "Ada Lovelace", "Acme"),
  );
  await json(
    await owner.api.patch("/api/v1/workspace", {
      headers: { "x-workspace-id": owner.workspace.id },
      data: { customScopes: ["billing.read", "billing.write", "tasks.read", "tasks.write"] },
    }),
    200,
  );
  const grace = await addPerson(baseURL!, owner, "Grace Hopper", "admin");
  const ws = owner.workspace;
  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

  const legacy = await seedKey(owner, ws, { name: "Legacy cron", scopes: ["tasks.read"], expiresIn: "1y" });
  await json(await owner.api.delete(`/api/v1/keys/${legacy.id}`), 200);
  const staging = await seedKey(grace, ws, {
    name: "Staging dashboard",
    description: "Read-only view for the staging app",
    environment: "test",
    scopes: ["tasks.read", "billing.read"],
    expiresIn: "90d",
  });
  await json(await owner.api.patch(`/api/v1/keys/${staging.id}`, { data: { enabled: false } }), 200);
  await seedKey(owner, ws, {
    name: "Analytics export",
    description: "Weekly usage report",
    scopes: ["audit.read", "workspace.read"],
    expiresAt: inDays(3),
  });
  const webhook = await seedKey(grace, ws, {
    name: "Webhook sender",
    scopes: ["tasks.read", "tasks.write"],
    expiresIn: "6m",
  });
  await json(await grace.api.post(`/api/v1/keys/${webhook.id}/rotate`, { data: { gracePeriod: "24h" } }), 201);
  const ci = await seedKey(grace, ws, {
    name: "CI pipeline",
    description: "GitHub Actions integration tests",
    environment: "test",
    scopes: ["keys.read", "tasks.read", "tasks.write"],
    expiresIn: "45d",
  });
  const billing = await seedKey(owner, ws, {
    name: "Billing worker",
    description: "Charges cards, sends invoices",
    scopes: ["billing.read", "billing.write"],
    ipAllowlist: ["10.0.4.0/24"],
    expiresIn: "90d",
  });
  const production = await seedKey(owner, ws, {
    name: "Production backend",
    description: "Main API servers",
    scopes: ["keys.read", "tasks.read", "tasks.write", "billing.read"],
    expiresIn: "1y",
  });

  for (const [key, ip, agent] of [
    [production.key, "203.0.113.24", "acme-api/4.2.0 node/20.20"],
    [billing.key, "10.0.4.17", "billing-worker/1.9 python-requests/2.32"],
    [ci.key, "140.82.112.4", "GitHub-Actions/2.319"],
  ]) {
    await owner.api.post("/api/v1/keys/verify", { data: { key, ip }, headers: { "user-agent": agent } });
  }
  await expect
    .poll(async () => {
      const list = await json(await owner.api.get("/api/v1/keys", { headers: { "x-workspace-id": ws.id } }), 200);
      return list.data.filter((k: { lastUsedAt: string | null }) => k.lastUsedAt).length;
    })
    .toBe(3);

  const context = await browser.newContext({ storageState: await owner.api.storageState() });
  const page = await context.newPage();
  await page.goto(keysUrl(owner));
  await expect(keyRow(page, "Production backend")).toContainText("203.0.113.24");
  await expect(page.getByRole("row").filter({ hasText: "In grace" })).toHaveCount(1);
  await lookAt(page, testInfo, "keys-table");
  await context.close();
});
