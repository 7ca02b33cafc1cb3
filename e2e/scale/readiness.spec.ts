import { generateKey } from "../../lib/keys/format";
import { createTestDatabase, postgresUnavailable, type TestDatabase } from "../support/postgres";
import { freePort, type StartedServer, startServer } from "../support/server";
import { expect, test } from "../support/test";

/**
 * Readiness reads the key table the way verification does: an instance whose key table
 * cannot be read leaves the balancer's rotation, and the log says what PostgreSQL said.
 */
let database: TestDatabase;
let server: StartedServer;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const unavailable = await postgresUnavailable();
  if (unavailable) console.warn(`[postgres] readiness test skipped: ${unavailable}`);
  test.skip(unavailable !== null, unavailable ?? "");
  database = await createTestDatabase();
  server = await startServer(await freePort(), { DATABASE_URL: database.url });
});

test.afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

test("a key table that cannot be read turns /api/ready 503 with its SQLSTATE, and back once it can", async () => {
  expect((await fetch(`${server.url}/api/ready`)).status).toBe(200);
  // What an operator's mistake or a failed restore leaves: the table is not where it should be.
  await database.query(`ALTER TABLE "api_key" RENAME TO "api_key_moved"`);
  try {
    const ready = await fetch(`${server.url}/api/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: "not_ready", database: "failing", errorCode: "42P01" });
    // Liveness stays green: restarting the process would not bring the table back.
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    // Verification that must read the table answers 500 in the API's shape; the log has the code and message.
    const verify = await fetch(`${server.url}/api/v1/keys/verify`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ key: generateKey("sk", "live") }),
    });
    expect(verify.status).toBe(500);
    expect(await verify.json()).toEqual({ error: { code: "INTERNAL", message: "Internal server error" } });
    await expect
      .poll(() => server.output())
      .toMatch(/readiness: the key table cannot be read \(42P01: relation "api_key" does not exist/);
    expect(server.output()).toMatch(/database error 42P01: relation "api_key" does not exist/);
  } finally {
    await database.query(`ALTER TABLE "api_key_moved" RENAME TO "api_key"`);
  }
  await expect.poll(async () => (await fetch(`${server.url}/api/ready`)).status).toBe(200);
  expect(server.output()).not.toContain("Code: N/A");
});
