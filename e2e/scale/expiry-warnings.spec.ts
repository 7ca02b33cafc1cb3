import { randomBytes } from "node:crypto";
import { createTestDatabase, postgresUnavailable, type TestDatabase } from "../support/postgres";
import { type HttpSession, signUpSession } from "../support/propagation";
import { freePort, type StartedServer, startServer } from "../support/server";
import { startSmtp, type TestSmtp } from "../support/smtp";
import { authedStream, nextEvent } from "../support/stream";
import { expect, test } from "../support/test";

/**
 * Warnings before expiry on two instances sharing one PostgreSQL, both sweeping every 100 ms
 * (the keys are backdated a month in the database, so that their warnings are due at once):
 * each key.expiring and key.expired is recorded once, reaches a stream client of the other
 * instance, and is mailed once to the owner (through a real SMTP server).
 */
test.describe.configure({ mode: "serial", timeout: 90_000 });

const HOUR = 60 * 60 * 1000;
/** Beside the test server's port when one is given (a machine shared by several runs), else any free one. */
const portFor = async (offset: number) =>
  process.env.E2E_PORT ? Number(process.env.E2E_PORT) + 4 + offset : freePort();
let database: TestDatabase;
let smtp: TestSmtp;
let a: StartedServer;
let b: StartedServer;
let owner: HttpSession & { email: string };

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const unavailable = await postgresUnavailable();
  if (unavailable) console.warn(`[postgres] expiry warning scale-out tests skipped: ${unavailable}`);
  test.skip(unavailable !== null, unavailable ?? "");
  database = await createTestDatabase("keysmith_expiry");
  smtp = await startSmtp();
  const shared = {
    DATABASE_URL: database.url,
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
    KEYSMITH_EXPIRY_SWEEP_MS: "100",
    SMTP_URL: smtp.url,
    MAIL_FROM: "keys@example.com",
  };
  [a, b] = await Promise.all([startServer(await portFor(1), shared), startServer(await portFor(2), shared)]);
  owner = await signUpSession(a.url, "Owner");
  await owner.call(
    "POST",
    "/api/v1/workspaces",
    { name: "Expiry Co", slug: `expiry-${Date.now()}`, keyPrefix: "sk" },
    201,
  );
});

test.afterAll(async () => {
  await Promise.all([a?.stop("SIGKILL"), b?.stop("SIGKILL")]);
  await database?.drop();
  await smtp?.close();
});

test("each warning and each expiry is recorded, streamed and mailed once, though both instances sweep", async () => {
  const listener = await owner.call("POST", "/api/v1/keys", { name: "Listener", scopes: ["keys.read"] }, 201);
  const onB = await authedStream(b.url, listener.key);
  const create = (name: string, inMs: number) =>
    owner.call(
      "POST",
      "/api/v1/keys",
      { name, environment: "test", expiresAt: new Date(Date.now() + inMs).toISOString() },
      201,
    );
  const week = await create("Three days left", 72 * HOUR);
  const day = await create("Hours left", 20 * HOUR);
  const now = await create("Seconds left", 3_000);
  const far = await create("Weeks left", 30 * 24 * HOUR);
  const fresh = await create("Made for an hour", HOUR);
  // As if made a month ago (a key made already inside a warning's window is not warned at it).
  await database.query(`UPDATE "api_key" SET "createdAt" = "createdAt" - interval '30 days' WHERE "id" = ANY($1)`, [
    [week.id, day.id, now.id, far.id],
  ]);

  const expiring = [
    await nextEvent(onB, "key.expiring", 10_000),
    await nextEvent(onB, "key.expiring", 10_000),
    await nextEvent(onB, "key.expiring", 10_000),
  ];
  expect(Object.fromEntries(expiring.map((e) => [e.data.metadata.name, e.data.metadata.daysLeft]))).toEqual({
    "Three days left": 3,
    "Hours left": 1,
    "Seconds left": 1,
  });
  expect(await nextEvent(onB, "key.expired", 10_000)).toMatchObject({ data: { keyId: now.id } });
  // Many more sweeps on both instances: still one event per key and kind.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  const count = async (id: string, action: string) =>
    (await owner.call("GET", `/api/v1/audit?targetId=${id}&action=${action}`)).data.length;
  expect(await count(week.id, "key.expiring")).toBe(1);
  expect(await count(day.id, "key.expiring")).toBe(1);
  expect(await count(now.id, "key.expiring")).toBe(1);
  expect(await count(now.id, "key.expired")).toBe(1);
  expect(await count(far.id, "key.expiring")).toBe(0);
  expect(await count(fresh.id, "key.expiring")).toBe(0);
  expect(onB.received.filter((m) => m.event === "key.expiring")).toHaveLength(3);

  // One mail each to the owner (creator and owner: one address, one mail).
  await smtp.nextMailTo(owner.email, /"Seconds left" has expired/);
  const subjects = smtp
    .mailTo(owner.email)
    .map((mail) => mail.subject)
    .filter((subject) => subject.startsWith("The API key"))
    .sort();
  expect(subjects).toEqual([
    'The API key "Hours left" expires within a day',
    'The API key "Seconds left" expires within a day',
    'The API key "Seconds left" has expired',
    'The API key "Three days left" expires in 3 days',
  ]);
  onB.close();
});
