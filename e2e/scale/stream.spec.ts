import { randomBytes } from "node:crypto";
import { createTestDatabase, postgresUnavailable, type TestDatabase } from "../support/postgres";
import { type HttpSession, signUpSession } from "../support/propagation";
import { freePort, type StartedServer, startServer } from "../support/server";
import { authedStream, nextEvent } from "../support/stream";
import { expect, test } from "../support/test";

/**
 * The event stream on two instances sharing one PostgreSQL: a change made through A reaches
 * a client connected to B (the audit event crosses on the relay), and a client that moves
 * from A to B resumes there with nothing lost.
 */
test.describe.configure({ mode: "serial", timeout: 90_000 });

let database: TestDatabase;
let a: StartedServer;
let b: StartedServer;
let owner: HttpSession;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const unavailable = await postgresUnavailable();
  if (unavailable) console.warn(`[postgres] event stream scale-out tests skipped: ${unavailable}`);
  test.skip(unavailable !== null, unavailable ?? "");
  database = await createTestDatabase("keysmith_stream");
  const shared = {
    DATABASE_URL: database.url,
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
    // Both sweep for expired keys often, so that they race for each one.
    KEYSMITH_EXPIRY_SWEEP_MS: "100",
  };
  [a, b] = await Promise.all([startServer(await freePort(), shared), startServer(await freePort(), shared)]);
  // One after the other: the first start migrates the empty database.
  owner = await signUpSession(a.url, "Owner");
  await owner.call(
    "POST",
    "/api/v1/workspaces",
    { name: "Stream Co", slug: `stream-${Date.now()}`, keyPrefix: "sk" },
    201,
  );
});

test.afterAll(async () => {
  await Promise.all([a?.stop("SIGKILL"), b?.stop("SIGKILL")]);
  await database?.drop();
});

test("a change made on A reaches a client of B, and a key revoked on A is disconnected from B", async () => {
  const listener = await owner.call("POST", "/api/v1/keys", { name: "Listener on B", scopes: ["keys.read"] }, 201);
  const onB = await authedStream(b.url, listener.key);
  const created = await owner.call("POST", "/api/v1/keys", { name: "Made on A" }, 201);
  const started = Date.now();
  expect(await nextEvent(onB, "key.created")).toMatchObject({ data: { keyId: created.id } });
  expect(Date.now() - started).toBeLessThan(2_000);

  await owner.call("DELETE", `/api/v1/keys/${listener.id}`);
  expect((await onB.closed).code).toBe(4403);
});

test("a client that loses A resumes on B with nothing missed", async () => {
  const listener = await owner.call("POST", "/api/v1/keys", { name: "Roaming listener", scopes: ["keys.read"] }, 201);
  const onA = await authedStream(a.url, listener.key);
  await owner.call("POST", "/api/v1/keys", { name: "Before the move" }, 201);
  const last = await nextEvent(onA, "key.created");
  onA.close();
  await onA.closed;

  const missed = [];
  for (const name of ["While away 1", "While away 2"]) {
    missed.push(await owner.call("POST", "/api/v1/keys", { name }, 201));
  }
  const onB = await authedStream(b.url, listener.key);
  onB.send({ type: "resume", after: last.id });
  const replayed = [await nextEvent(onB, "key.created"), await nextEvent(onB, "key.created")];
  expect(replayed.map((event) => event.data.keyId)).toEqual(missed.map((key) => key.id));
  expect(await onB.next((m) => m.type === "resumed")).toMatchObject({ count: 2, complete: true });
  onB.close();
});

test("an expiry is announced once, though both instances look for it", async () => {
  const listener = await owner.call("POST", "/api/v1/keys", { name: "Expiry listener", scopes: ["keys.read"] }, 201);
  const onB = await authedStream(b.url, listener.key);
  const keys = [];
  for (let i = 0; i < 5; i++) {
    const expiresAt = new Date(Date.now() + 1_500).toISOString();
    keys.push(await owner.call("POST", "/api/v1/keys", { name: `Expiring ${i}`, expiresAt }, 201));
  }
  for (let i = 0; i < keys.length; i++) await nextEvent(onB, "key.expired", 10_000);
  // Many more sweeps on both instances: still one event per key.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  for (const key of keys) {
    const audit = await owner.call("GET", `/api/v1/audit?targetId=${key.id}&action=key.expired`);
    expect(audit.data).toHaveLength(1);
  }
  const announced = onB.received.filter((m) => m.event === "key.expired").map((m) => m.data.keyId);
  expect(announced.sort()).toEqual(keys.map((key) => key.id).sort());
  onB.close();
});
