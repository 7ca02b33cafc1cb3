import { createHash, randomBytes, randomUUID } from "node:crypto";
import { createTestDatabase, postgresUnavailable, type TestDatabase } from "../support/postgres";
import { metricOf, signUpSession, verifyOn } from "../support/propagation";
import { freePort, type StartedServer, startServer } from "../support/server";
import { expect, test } from "../support/test";

/**
 * Two instances on one PostgreSQL database: a key imported on A, in another product's format,
 * verifies on B within moments (the import is announced with its workspace), and a third
 * instance started afterwards knows from the start. Unknown keys in that format are read at
 * most once each on B, then remembered.
 */
test.describe.configure({ mode: "serial", timeout: 90_000 });

let database: TestDatabase;
let a: StartedServer;
let b: StartedServer;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const unavailable = await postgresUnavailable();
  if (unavailable) console.warn(`[postgres] key import tests skipped: ${unavailable}`);
  test.skip(unavailable !== null, unavailable ?? "");
  database = await createTestDatabase();
  const shared = { DATABASE_URL: database.url, BETTER_AUTH_SECRET: randomBytes(32).toString("base64url") };
  [a, b] = await Promise.all([startServer(await freePort(), shared), startServer(await freePort(), shared)]);
});

test.afterAll(async () => {
  await Promise.all([a?.stop("SIGKILL"), b?.stop("SIGKILL")]);
  await database?.drop();
});

const foreignSecret = () => `atlas_${randomBytes(24).toString("base64url")}`;

test("a key imported on one instance verifies on the other within moments, and on one started later", async () => {
  const owner = await signUpSession(a.url, "owner");
  const slug = `ws-${randomUUID().slice(0, 8)}`;
  await owner.call("POST", "/api/v1/workspaces", { name: `Workspace ${slug}`, slug }, 201);
  const secret = foreignSecret();
  // No workspace imported anything yet: text in another format is malformed on both.
  expect((await verifyOn(b.url, secret)).code).toBe("MALFORMED");

  const hash = createHash("sha256").update(secret).digest("base64url");
  await owner.call("POST", "/api/v1/keys/import", { keys: [{ hash, name: "Imported", scopes: ["keys.read"] }] }, 201);
  const started = performance.now();
  let answer = await verifyOn(b.url, secret);
  while (answer.code !== "VALID" && performance.now() - started < 2_000) answer = await verifyOn(b.url, secret);
  expect(answer).toMatchObject({ valid: true, code: "VALID", scopes: ["keys.read"] });
  expect(performance.now() - started).toBeLessThan(1_000);

  // Unknown keys in that format: one read each (B's index cannot rule out a key made on A), then remembered.
  const unknown = foreignSecret();
  const before = await metricOf(b.url, "keysmith_key_lookups_total");
  for (let i = 0; i < 3; i++) expect((await verifyOn(b.url, unknown)).code).toBe("NOT_FOUND");
  expect((await metricOf(b.url, "keysmith_key_lookups_total")) - before).toBe(1);

  const late = await startServer(await freePort(), { DATABASE_URL: database.url });
  try {
    expect((await verifyOn(late.url, secret)).code).toBe("VALID");
  } finally {
    await late.stop("SIGKILL");
  }
});
