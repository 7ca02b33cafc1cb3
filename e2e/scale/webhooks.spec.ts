import { randomBytes } from "node:crypto";
import { createTestDatabase, postgresUnavailable, type TestDatabase } from "../support/postgres";
import { HttpSession, signUpSession } from "../support/propagation";
import { freePort, type StartedServer, startServer } from "../support/server";
import { expect, test } from "../support/test";
import { expectSigned, startReceiver } from "../support/webhook-receiver";

/**
 * Two instances on one PostgreSQL database both run the webhook sender: every delivery is
 * sent once (row locks with SKIP LOCKED and a lease), whichever instance made the change, and
 * the trigger that queues deliveries works on PostgreSQL as on the embedded database.
 */
test.describe.configure({ mode: "serial", timeout: 120_000 });

const KEYS = 30;
let database: TestDatabase;
let a: StartedServer;
let b: StartedServer;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const unavailable = await postgresUnavailable();
  if (unavailable) console.warn(`[postgres] webhook scale-out test skipped: ${unavailable}`);
  test.skip(unavailable !== null, unavailable ?? "");
  database = await createTestDatabase();
  const shared = {
    DATABASE_URL: database.url,
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
    KEYSMITH_WEBHOOK_ALLOW_PRIVATE: "1",
    KEYSMITH_WEBHOOK_POLL_MS: "200",
  };
  a = await startServer(await freePort(), shared);
  b = await startServer(await freePort(), shared);
});

test.afterAll(async () => {
  await Promise.all([a?.stop("SIGKILL"), b?.stop("SIGKILL")]);
  await database?.drop();
});

test("two instances send each delivery once, whichever instance made the change", async () => {
  const receiver = await startReceiver(await freePort());
  try {
    const owner = await signUpSession(a.url, "owner");
    await owner.call("POST", "/api/v1/workspaces", { name: "Scaled", slug: `scaled-${Date.now()}` }, 201);
    const webhook = await owner.call("POST", "/api/v1/webhooks", { url: receiver.url, events: ["key.created"] }, 201);
    // The same session on B (one BETTER_AUTH_SECRET, one database).
    const onB = new HttpSession(b.url, (owner as unknown as { cookie: string }).cookie);
    const created: string[] = [];
    for (let i = 0; i < KEYS; i++) {
      const session = i % 2 === 0 ? owner : onB;
      created.push((await session.call("POST", "/api/v1/keys", { name: `Scaled ${i}` }, 201)).id);
    }
    await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(KEYS);
    // A moment for a duplicate, if there were to be one.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(receiver.received).toHaveLength(KEYS);
    const ids = receiver.received.map((event) => event.headers["webhook-id"]);
    expect(new Set(ids).size).toBe(KEYS);
    const targets = receiver.received.map((event) => expectSigned(webhook.secret, event).data.target.id).sort();
    expect(targets).toEqual([...created].sort());
    const rows = await database.query<{ status: string; attempts: number; n: number }>(
      `SELECT status, attempts, count(*)::int AS n FROM webhook_delivery GROUP BY 1, 2`,
    );
    expect(rows).toEqual([{ status: "delivered", attempts: 1, n: KEYS }]);
  } finally {
    await receiver.close();
  }
});
