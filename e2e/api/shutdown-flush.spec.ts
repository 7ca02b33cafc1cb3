import { openPGlite } from "../../lib/db/pglite";
import { freePort, metric, signUpOn, startServer } from "../support/server";
import { expect, test } from "../support/test";

// Its own server: usage is flushed only at shutdown, so what the database holds afterwards
// was written by the SIGTERM handler; the expiry sweep (a write every few seconds) is off too,
// so that every statement counted comes from verification.
test("cache hits do no database read or write; SIGTERM flushes the pending usage", async () => {
  test.setTimeout(120_000);
  const server = await startServer(await freePort(), {
    KEYSMITH_USAGE_FLUSH_MS: "600000",
    KEYSMITH_EXPIRY_SWEEP_MS: "600000",
  });
  try {
    const origin = { origin: server.url, "content-type": "application/json" };
    const { post } = await signUpOn(server.url, "Flush", "flush@example.com");
    expect((await post("/api/v1/workspaces", { name: "Flush", slug: "flush" })).status).toBe(201);
    const key = await (await post("/api/v1/keys", { name: "Hot" })).json();
    const verifyOnce = async () =>
      (
        await fetch(`${server.url}/api/v1/keys/verify`, {
          method: "POST",
          headers: origin,
          body: JSON.stringify({ key: key.key }),
        })
      ).json();

    expect(await verifyOnce()).toMatchObject({ valid: true }); // loads the key into the cache
    const queriesBefore = await metric(server.url, "keysmith_db_queries_total");
    const writesBefore = await metric(server.url, "keysmith_db_writes_total");
    const N = 250;
    for (let i = 0; i < N; i++) expect((await verifyOnce()).valid).toBe(true);
    expect(await metric(server.url, "keysmith_db_queries_total")).toBe(queriesBefore);
    expect(await metric(server.url, "keysmith_db_writes_total")).toBe(writesBefore);

    expect(await server.stop("SIGTERM")).toBe(0);
    expect(server.output()).toContain("SIGTERM: flushing usage");
    const db = openPGlite(`${server.dataDir}/pglite`);
    const { rows } = await db.query<{ success: number; failure: number }>(
      `SELECT "success", "failure" FROM "key_usage_bucket" WHERE "keyId" = $1`,
      [key.id],
    );
    const used = await db.query<{ lastUsedAt: Date | null }>(`SELECT "lastUsedAt" FROM "api_key" WHERE "id" = $1`, [
      key.id,
    ]);
    await db.close();
    expect(rows.reduce((sum, r) => sum + r.success, 0)).toBe(N + 1);
    expect(used.rows[0].lastUsedAt).not.toBeNull();
  } finally {
    await server.stop("SIGKILL");
  }
});
