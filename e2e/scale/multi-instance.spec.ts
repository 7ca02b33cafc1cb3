import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import { generateKey } from "../../lib/keys/format";
import { createTestDatabase, postgresUnavailable, type TestDatabase } from "../support/postgres";
import {
  type HttpSession,
  measureDemotions,
  measureRevocations,
  metricOf,
  ownerAndMember,
  signUpSession,
  summarize,
  verifyOn,
} from "../support/propagation";
import { freePort, type StartedServer, startServer } from "../support/server";
import { expect, test } from "../support/test";

/**
 * Two Keysmith instances, A and B, on one fresh PostgreSQL database, as behind a load
 * balancer: started at the same instant on the empty database, then changes made on A
 * must reach B's key cache (LISTEN/NOTIFY) within 250 ms, survive a dropped listener,
 * and usage counted on both must add up.
 */
test.describe.configure({ mode: "serial", timeout: 90_000 });

const ROUNDS = 100;
const PROPAGATION_BUDGET_MS = 250;
const USAGE_FLUSH_MS = 250;

let database: TestDatabase;
let a: StartedServer;
let b: StartedServer;
let owner: HttpSession;
let memberId: string;
let memberKey: string;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const unavailable = await postgresUnavailable();
  // The list reporter does not print skip reasons: say it in the output too.
  if (unavailable) console.warn(`[postgres] scale-out tests skipped: ${unavailable}`);
  test.skip(unavailable !== null, unavailable ?? "");
  database = await createTestDatabase();
  const [portA, portB] = [await freePort(), await freePort()];
  const shared = {
    DATABASE_URL: database.url,
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
    KEYSMITH_USAGE_FLUSH_MS: String(USAGE_FLUSH_MS),
  };
  // At the same instant, on the empty database: both race for the migrations.
  [a, b] = await Promise.all([
    startServer(portA, shared),
    // B reconnects its listener slowly, so that a test can change something while it is away,
    // and on SIGTERM keeps serving a moment with /api/ready at 503, as a balancer would need.
    startServer(portB, { ...shared, KEYSMITH_LISTENER_RETRY_MS: "1500", KEYSMITH_SHUTDOWN_DELAY_MS: "1000" }),
  ]);
});

test.afterAll(async () => {
  await Promise.all([a?.stop("SIGKILL"), b?.stop("SIGKILL")]);
  await database?.drop();
});

test("two instances started at once on an empty database both come up; each migration runs once", async () => {
  const shipped = readdirSync("prisma/migrations", { withFileTypes: true }).filter((e) => e.isDirectory()).length;
  for (const server of [a, b]) {
    const response = await fetch(`${server.url}/api/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: "ready",
      backend: "postgres",
      database: "ok",
      migrations: { expected: shipped, applied: shipped, pending: [] },
      invalidationListener: "listening",
    });
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  }
  const rows = await database.query<{ migration_name: string; n: number }>(
    `SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL GROUP BY 1`,
  );
  expect(rows).toHaveLength(shipped);
  expect(rows.every((row) => row.n === 1)).toBe(true);
  // One instance applied them all while the other waited on the advisory lock.
  const appliedBy = [a, b].map((s) => s.output().match(/applied migration/g)?.length ?? 0);
  expect(appliedBy.sort()).toEqual([0, shipped]);

  // A database missing a migration (say, restored from an older backup) is not ready.
  const [latest] = await database.query<Record<string, unknown> & { id: string; migration_name: string }>(
    `SELECT * FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`,
  );
  await database.query(`DELETE FROM "_prisma_migrations" WHERE id = $1`, [latest.id]);
  try {
    const response = await fetch(`${b.url}/api/ready`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      status: "not_ready",
      database: "ok",
      migrations: { pending: [latest.migration_name] },
    });
  } finally {
    const columns = Object.keys(latest);
    await database.query(
      `INSERT INTO "_prisma_migrations" (${columns.map((c) => `"${c}"`).join(", ")})
       VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")})`,
      Object.values(latest),
    );
  }
  expect((await fetch(`${b.url}/api/ready`)).status).toBe(200);
});

test(`a key revoked on A is refused by B within ${PROPAGATION_BUDGET_MS} ms (${ROUNDS} rounds)`, async () => {
  const setup = await ownerAndMember(a.url, "admin");
  owner = setup.owner;
  memberId = setup.memberId;
  const misses = await metricOf(b.url, "keysmith_key_cache_misses_total");
  const results = await measureRevocations(owner, b.url, ROUNDS);
  report("revocation A → B", results);
  // B read each key from the database only before and after its revocation: cached in between.
  expect((await metricOf(b.url, "keysmith_key_cache_misses_total")) - misses).toBe(2 * ROUNDS);
  expect(summarize(results.map((r) => r.afterAck)).p99).toBeLessThan(PROPAGATION_BUDGET_MS);
});

test(`a creator demoted on A loses the key's scopes on B within ${PROPAGATION_BUDGET_MS} ms (${ROUNDS} rounds)`, async () => {
  const setup = await ownerAndMember(a.url, "admin");
  owner = setup.owner;
  memberId = setup.memberId;
  const key = await setup.member.call(
    "POST",
    "/api/v1/keys",
    { name: "Admin's key", scopes: ["keys.read", "keys.write", "members.read"] },
    201,
  );
  memberKey = key.key;
  const misses = await metricOf(b.url, "keysmith_key_cache_misses_total");
  const results = await measureDemotions(owner, memberId, memberKey, b.url, ROUNDS);
  report("demotion A → B", results);
  expect((await metricOf(b.url, "keysmith_key_cache_misses_total")) - misses).toBe(2 * ROUNDS + 1);
  expect(summarize(results.map((r) => r.afterAck)).p99).toBeLessThan(PROPAGATION_BUDGET_MS);
});

test("B's listener killed from SQL: a key revoked meanwhile is refused, B reconnects and clears its cache", async () => {
  const revoked = await owner.call("POST", "/api/v1/keys", { name: "Revoked while B is deaf" }, 201);
  const kept = await owner.call("POST", "/api/v1/keys", { name: "Still good" }, 201);
  for (const key of [revoked, kept]) {
    expect((await verifyOn(b.url, key.key)).code).toBe("VALID");
    expect((await verifyOn(b.url, key.key)).code).toBe("VALID"); // now cached on B
  }
  expect(await metricOf(b.url, "keysmith_key_cache_entries")).toBeGreaterThanOrEqual(2);
  const listenerOf = (server: StartedServer) =>
    database.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE $1`,
      [`keysmith-listener ${server.process.pid}@%`],
    );
  const [before] = await listenerOf(b);
  expect(before, "B's listener connection is in pg_stat_activity").toBeDefined();

  const [terminated] = await database.query<{ ok: boolean }>("SELECT pg_terminate_backend($1) AS ok", [before.pid]);
  expect(terminated.ok).toBe(true);
  await owner.call("DELETE", `/api/v1/keys/${revoked.id}`);
  // The revocation was committed while B had no listener: its NOTIFY never reached B.
  expect(await listenerOf(b)).toEqual([]);
  expect(await metricOf(b.url, "keysmith_invalidation_listener_up")).toBe(0);
  // Meanwhile B trusts nothing it cached: the revoked key is refused at once.
  expect((await verifyOn(b.url, revoked.key)).code).toBe("REVOKED");

  await expect.poll(() => metricOf(b.url, "keysmith_invalidation_listener_up"), { timeout: 10_000 }).toBe(1);
  expect(await metricOf(b.url, "keysmith_invalidation_listener_reconnects_total")).toBe(1);
  const [after] = await listenerOf(b);
  expect(after.pid).not.toBe(before.pid);
  // Reconnecting cleared the cache; the revoked key stays refused, the other still works.
  expect(await metricOf(b.url, "keysmith_key_cache_entries")).toBe(0);
  expect((await verifyOn(b.url, revoked.key)).code).toBe("REVOKED");
  expect((await verifyOn(b.url, kept.key)).code).toBe("VALID");
  // And B hears A again.
  const later = await owner.call("POST", "/api/v1/keys", { name: "After the reconnect" }, 201);
  await verifyOn(b.url, later.key);
  await owner.call("DELETE", `/api/v1/keys/${later.id}`);
  await expect.poll(async () => (await verifyOn(b.url, later.key)).code, { timeout: 1_000 }).toBe("REVOKED");
  expect(b.output()).toContain("invalidation listener reconnected");
});

test("usage counted on both instances adds up after their flushes", async () => {
  const key = await owner.call("POST", "/api/v1/keys", { name: "Used everywhere" }, 201);
  const onA = 40;
  const onB = 30;
  // Concurrently, so both instances flush the same hourly bucket.
  await Promise.all([
    ...Array.from({ length: onA }, () => verifyOn(a.url, key.key)),
    ...Array.from({ length: onB }, () => verifyOn(b.url, key.key)),
  ]);
  const totals = async () => (await owner.call("GET", `/api/v1/keys/${key.id}/usage?range=24h`)).totals.success;
  await expect.poll(totals, { timeout: 5_000 }).toBe(onA + onB);
  // Several more flush windows later, nothing was counted twice.
  await new Promise((resolve) => setTimeout(resolve, USAGE_FLUSH_MS * 3));
  expect(await totals()).toBe(onA + onB);
  const rows = await database.query<{ success: number }>(`SELECT success FROM key_usage_bucket WHERE "keyId" = $1`, [
    key.id,
  ]);
  expect(rows.reduce((sum, row) => sum + row.success, 0)).toBe(onA + onB);
});

test("unknown keys cost lookups within the budget (429 beyond it); valid and announced keys never do", async () => {
  // On PostgreSQL a key created on another instance may not be announced yet, so an instance
  // cannot rule an unknown key out: it reads the database, within its lookup budget
  // (defaults: 20 a second per caller after a burst of 100, 200 a second overall).
  const cached = await owner.call("POST", "/api/v1/keys", { name: "Cached on A" }, 201);
  const verifier = await owner.call("POST", "/api/v1/keys", { name: "Verifier", scopes: ["keys.verify"] }, 201);
  expect((await verifyOn(a.url, cached.key)).code).toBe("VALID");
  const ask = async (key: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${a.url}/api/v1/keys/verify`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ key }),
    });
    return { status: response.status, retryAfter: response.headers.get("retry-after"), body: await response.json() };
  };
  const lookupsBefore = await metricOf(a.url, "keysmith_key_lookups_total");
  const started = Date.now();
  const answers = [];
  for (let i = 0; i < 300; i++) {
    answers.push(await ask(generateKey("sk", "live")));
    if (i % 30 === 0) expect((await ask(cached.key)).body.code).toBe("VALID");
  }
  const seconds = (Date.now() - started) / 1000;
  const found = answers.filter((x) => x.status === 200);
  const limited = answers.filter((x) => x.status === 429);
  expect(found.every((x) => x.body.code === "NOT_FOUND")).toBe(true);
  expect(found.length + limited.length).toBe(300);
  expect(found.length).toBeGreaterThanOrEqual(100);
  expect(found.length).toBeLessThanOrEqual(100 + Math.ceil(20 * seconds) + 1);
  expect(limited[0].body).toMatchObject({
    error: { code: "RATE_LIMITED", details: { reason: "LOOKUP_BUDGET", scope: "source" } },
  });
  expect(Number(limited[0].retryAfter)).toBeGreaterThanOrEqual(1);
  // Each NOT_FOUND was one database read, each 429 none.
  expect((await metricOf(a.url, "keysmith_key_lookups_total")) - lookupsBefore).toBe(found.length);

  // With this caller's budget spent: a cached key, a key A created, and a key B created and
  // announced are all still answered.
  // (It refills at 20 a second, so of a few sent back to back nearly all are refused.)
  const spent = await Promise.all(Array.from({ length: 5 }, () => ask(generateKey("sk", "live"))));
  expect(spent.filter((x) => x.status === 429).length).toBeGreaterThanOrEqual(4);
  expect((await ask(cached.key)).body.code).toBe("VALID");
  const fresh = await owner.call("POST", "/api/v1/keys", { name: "New on A" }, 201);
  expect((await ask(fresh.key)).body.code).toBe("VALID");
  const bOwner = await signUpSession(b.url, "b-owner");
  await bOwner.call("POST", "/api/v1/workspaces", { name: "Made on B", slug: `b-${Date.now()}` }, 201);
  const indexed = await metricOf(a.url, "keysmith_key_index_entries");
  const onB = await bOwner.call("POST", "/api/v1/keys", { name: "New on B" }, 201);
  await expect.poll(() => metricOf(a.url, "keysmith_key_index_entries"), { timeout: 1_000 }).toBe(indexed + 1);
  expect((await ask(onB.key)).body.code).toBe("VALID");
  // A verifier key's calls are charged to its workspace, not to the address they come from.
  expect((await ask(generateKey("sk", "live"), { authorization: `Bearer ${verifier.key}` })).body.code).toBe(
    "NOT_FOUND",
  );
});

test("SIGTERM drains B: not ready at once, still serving a moment, then all its usage written, connections closed, exit 0", async () => {
  const key = await owner.call("POST", "/api/v1/keys", { name: "Used just before shutdown" }, 201);
  const uses = 25;
  for (let i = 0; i < uses - 1; i++) expect((await verifyOn(b.url, key.key)).valid).toBe(true);
  const connectionsOf = (server: StartedServer) =>
    database.query<{ application_name: string }>(
      `SELECT application_name FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE $1`,
      [`keysmith% ${server.process.pid}@%`],
    );
  expect((await connectionsOf(b)).map((c) => c.application_name)).toContainEqual(
    expect.stringMatching(/^keysmith-listener /),
  );
  const exited = b.stop("SIGTERM");
  await expect
    .poll(async () => (await fetch(`${b.url}/api/ready`)).status, { timeout: 500, intervals: [20] })
    .toBe(503);
  expect(await (await fetch(`${b.url}/api/ready`)).json()).toEqual({ status: "stopping" });
  expect((await verifyOn(b.url, key.key)).valid).toBe(true); // still serving while the balancer notices
  expect(await exited).toBe(0);
  expect(b.output()).toContain("SIGTERM: flushing usage");
  await expect.poll(async () => (await connectionsOf(b)).length, { timeout: 2_000 }).toBe(0);
  const [row] = await database.query<{ success: number }>(
    `SELECT coalesce(sum(success), 0)::int AS success FROM key_usage_bucket WHERE "keyId" = $1`,
    [key.id],
  );
  expect(row.success).toBe(uses);
  // The other instance keeps serving.
  expect((await verifyOn(a.url, key.key)).valid).toBe(true);
});

function report(label: string, results: { afterAck: number; afterRequest: number }[]): void {
  const fmt = (s: ReturnType<typeof summarize>) =>
    `p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms, max ${s.max.toFixed(1)} ms`;
  const ack = summarize(results.map((r) => r.afterAck));
  const request = summarize(results.map((r) => r.afterRequest));
  const line = `[propagation] ${label}, ${ack.n} rounds: after A answered ${fmt(ack)}; from the request ${fmt(request)}`;
  console.log(line);
  test.info().annotations.push({ type: "propagation", description: line });
}
