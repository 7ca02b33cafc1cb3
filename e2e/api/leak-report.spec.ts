import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { Keysmith } from "@keysmith/sdk";
import type { APIRequestContext } from "@playwright/test";
import { addMember, anonymous, bearer, createKey, json, signUpWithWorkspace, verify } from "../support/api";
import { freePort, type StartedServer, startServer } from "../support/server";
import { type ReceivedMail, startSmtp, type TestSmtp } from "../support/smtp";
import { authedStream, nextEvent } from "../support/stream";
import { expect, test } from "../support/test";

/**
 * POST /api/v1/keys/report-leak as a reporter sends it: no credential, GitHub's
 * token-revocation shape. The shared server trusts one proxy, so each test reports from an
 * address of its own (X-Forwarded-For); the rate limit and mail have servers of their own.
 */
const REPORT = "/api/v1/keys/report-leak";
/** Revocation is seen on the instance that made it at once; the design's bound across instances is 250 ms. */
const PROPAGATION_BOUND_MS = 250;
/** The server answers no sooner than this (lib/leaks/even-timing.ts). */
const ANSWER_FLOOR_MS = 250;
/** Ports of the servers this file starts for itself. */
const GITHUB = { source: "GitHub secret scanning", url: "https://github.com/acme/app/blob/main/.env" };

let addressCount = 0;
/** An address no other test reports from (TEST-NET-3 with a per-run suffix). */
function newAddress(): string {
  addressCount++;
  return `203.0.113.${(process.pid + addressCount * 7) % 250}`;
}

async function report(api: APIRequestContext, data: unknown, address = newAddress()) {
  const started = performance.now();
  const response = await api.post(REPORT, { data, headers: { "x-forwarded-for": address } });
  return { response, ms: performance.now() - started };
}

/** A key with one base62 character changed: the same shape, a checksum that no longer holds. */
function lookAlike(key: string): string {
  const at = key.length - 10;
  return `${key.slice(0, at)}${key[at] === "A" ? "B" : "A"}${key.slice(at + 1)}`;
}

/** Verifies until the answer is `code`; how long that took after `since`. */
async function refusedWithin(api: APIRequestContext, key: string, code: string, since: number): Promise<number> {
  for (;;) {
    const answer = await verify(api, { key });
    const elapsed = performance.now() - since;
    if (answer.code === code) return elapsed;
    if (elapsed > 5_000) throw new Error(`still ${answer.code} after 5 s`);
  }
}

async function leakedEvents(owner: { api: APIRequestContext }, keyId: string) {
  const page = await json(await owner.api.get("/api/v1/audit", { params: { action: "key.leaked", limit: "50" } }), 200);
  return page.data.filter((event: { target: { id: string } | null }) => event.target?.id === keyId);
}

test("a reported live key is revoked at once: verify refuses it, it authenticates nothing, key.leaked says who and where", async ({
  baseURL,
}) => {
  const owner = await signUpWithWorkspace(baseURL!);
  const key = await createKey(owner.api, { name: "Leaky service" });
  const machine = await anonymous(baseURL!);
  expect((await verify(machine, { key: key.key })).code).toBe("VALID");
  expect((await machine.get("/api/v1/me", { headers: bearer(key.key) })).status()).toBe(200);

  const address = newAddress();
  const { response } = await report(machine, { keys: [key.key], ...GITHUB }, address);
  const answered = performance.now();
  expect(response.status()).toBe(202);
  expect(await response.json()).toEqual({ received: 1 });
  expect(await refusedWithin(machine, key.key, "REVOKED", answered)).toBeLessThan(PROPAGATION_BOUND_MS);
  expect((await machine.get("/api/v1/me", { headers: bearer(key.key) })).status()).toBe(401);
  expect((await json(await owner.api.get(`/api/v1/keys/${key.id}`), 200)).status).toBe("revoked");

  const [event] = await leakedEvents(owner, key.id);
  expect(event).toMatchObject({
    action: "key.leaked",
    workspaceId: owner.workspace.id,
    actor: { type: "key", id: key.id, label: "Leaky service" },
    target: { type: "key", id: key.id, label: "Leaky service" },
    metadata: { name: "Leaky service", ...GITHUB, response: "revoked" },
    ip: address,
  });

  // Reported again: the same answer, and nothing more happens (the key is no longer live).
  const again = await report(machine, { keys: [key.key, key.key], ...GITHUB });
  expect(again.response.status()).toBe(202);
  expect(await again.response.json()).toEqual({ received: 2 });
  expect(await leakedEvents(owner, key.id)).toHaveLength(1);
  await machine.dispose();
});

test("the answer is the same for a live key, an unknown one, a look-alike and any text: status, body, headers, and no sooner than the floor", async ({
  baseURL,
}) => {
  const owner = await signUpWithWorkspace(baseURL!);
  const live = await createKey(owner.api, { name: "Reported" });
  const bystander = await createKey(owner.api, { name: "Bystander" });
  // A well-formed key no one issued: revoke a key, then report it (it no longer exists as a live key).
  const gone = await createKey(owner.api, { name: "Gone" });
  await json(await owner.api.delete(`/api/v1/keys/${gone.id}`), 200);
  const machine = await anonymous(baseURL!);

  const cases = {
    live: [live.key],
    revokedBefore: [gone.key],
    lookAlike: [lookAlike(bystander.key)],
    text: ["not a key at all"],
  };
  const answers: Record<string, { status: number; body: string; headers: Record<string, string>; ms: number }> = {};
  for (const [name, keys] of Object.entries(cases)) {
    const { response, ms } = await report(machine, { keys, source: "timing test" });
    const headers = response.headers();
    answers[name] = {
      status: response.status(),
      body: await response.text(),
      headers: { "content-type": headers["content-type"], "cache-control": headers["cache-control"] },
      ms,
    };
  }
  const { ms: liveMs, ...first } = answers.live;
  expect(first).toEqual({
    status: 202,
    body: JSON.stringify({ received: 1 }),
    headers: { "content-type": "application/json", "cache-control": "no-store" },
  });
  for (const { ms, ...answer } of Object.values(answers)) {
    expect(answer).toEqual(first);
    expect(ms).toBeGreaterThanOrEqual(ANSWER_FLOOR_MS - 5);
  }
  // The revocation's own milliseconds hide under the floor (loose: the machine is shared).
  const times = Object.values(answers).map((a) => a.ms);
  expect(Math.max(...times) - Math.min(...times), JSON.stringify(times)).toBeLessThan(250);
  expect(liveMs).toBeGreaterThanOrEqual(ANSWER_FLOOR_MS - 5);

  // Only the live key was touched: the look-alike of the bystander's key did nothing to it.
  expect((await verify(machine, { key: live.key })).code).toBe("REVOKED");
  expect((await verify(machine, { key: bystander.key })).code).toBe("VALID");
  expect(await leakedEvents(owner, bystander.id)).toHaveLength(0);
  expect(await leakedEvents(owner, gone.id)).toHaveLength(0);
  await machine.dispose();
});

test("leakResponse: disable disables a reported key instead (once), an admin can turn it back on; the setting is audited", async ({
  baseURL,
}) => {
  const owner = await signUpWithWorkspace(baseURL!);
  const member = await addMember(baseURL!, owner, "member");
  expect((await json(await owner.api.get("/api/v1/workspace"), 200)).leakResponse).toBe("revoke");

  // Only those with workspace.write change it, and only to a known policy.
  expect((await member.api.patch("/api/v1/workspace", { data: { leakResponse: "disable" } })).status()).toBe(403);
  const bad = await owner.api.patch("/api/v1/workspace", { data: { leakResponse: "ignore" } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.details.issues[0].field).toBe("leakResponse");
  const saved = await json(await owner.api.patch("/api/v1/workspace", { data: { leakResponse: "disable" } }), 200);
  expect(saved.leakResponse).toBe("disable");
  const settings = await json(
    await owner.api.get("/api/v1/audit", { params: { action: "workspace.settings_changed" } }),
    200,
  );
  expect(settings.data[0].metadata).toEqual({ leakResponse: { from: "revoke", to: "disable" } });

  const key = await createKey(owner.api, { name: "Disable me" });
  const machine = await anonymous(baseURL!);
  const { response } = await report(machine, { keys: [key.key], ...GITHUB });
  const answered = performance.now();
  expect(response.status()).toBe(202);
  expect(await refusedWithin(machine, key.key, "DISABLED", answered)).toBeLessThan(PROPAGATION_BOUND_MS);
  const row = await json(await owner.api.get(`/api/v1/keys/${key.id}`), 200);
  expect(row.enabled).toBe(false);
  expect(row.status).not.toBe("revoked");
  const [event] = await leakedEvents(owner, key.id);
  expect(event.metadata).toEqual({ name: "Disable me", ...GITHUB, response: "disabled" });

  // A second report of the disabled key changes nothing and records nothing.
  expect((await report(machine, { keys: [key.key] })).response.status()).toBe(202);
  expect(await leakedEvents(owner, key.id)).toHaveLength(1);

  // Someone who knows it did not leak turns it back on.
  await json(await owner.api.patch(`/api/v1/keys/${key.id}`, { data: { enabled: true } }), 200);
  expect((await verify(machine, { key: key.key })).code).toBe("VALID");
  await machine.dispose();
});

test("the event stream carries key.leaked: in full with keys.read, as ids to a verifier key", async ({ baseURL }) => {
  const owner = await signUpWithWorkspace(baseURL!);
  const listener = await createKey(owner.api, { name: "Listener", scopes: ["keys.read"] });
  const verifier = await createKey(owner.api, { name: "Verifier", scopes: ["keys.verify"] });
  const key = await createKey(owner.api, { name: "Streamed leak" });
  const [full, idsOnly] = await Promise.all([
    authedStream(baseURL!, listener.key),
    authedStream(baseURL!, verifier.key),
  ]);
  try {
    const machine = await anonymous(baseURL!);
    expect((await report(machine, { keys: [key.key], ...GITHUB })).response.status()).toBe(202);
    expect(await nextEvent(full, "key.leaked")).toMatchObject({
      event: "key.leaked",
      workspaceId: owner.workspace.id,
      data: {
        keyId: key.id,
        actor: { type: "key", id: key.id, label: "Streamed leak" },
        target: { type: "key", id: key.id, label: "Streamed leak" },
        metadata: { ...GITHUB, response: "revoked" },
      },
    });
    const reduced = await nextEvent(idsOnly, "key.leaked");
    expect(reduced.data).toEqual({ keyId: key.id });
    for (const message of [...full.received, ...idsOnly.received])
      expect(JSON.stringify(message)).not.toContain(key.key);
    await machine.dispose();
  } finally {
    full.close();
    idsOnly.close();
  }
});

test("the SDK's in-process verifier refuses a leaked key within moments, revoked or disabled", async ({ baseURL }) => {
  const owner = await signUpWithWorkspace(baseURL!);
  const verifierKey = await createKey(owner.api, { name: "Verifier", scopes: ["keys.verify"] });
  const revoked = await createKey(owner.api, { name: "Leaks first" });
  const disabled = await createKey(owner.api, { name: "Leaks second" });
  const verifier = new Keysmith({ baseUrl: baseURL!, apiKey: verifierKey.key, retries: 0 }).createVerifier({
    mode: "local",
  });
  const machine = await anonymous(baseURL!);
  try {
    await verifier.ready();
    expect(verifier.verifySync(revoked.key)?.code).toBe("VALID");
    expect((await report(machine, { keys: [revoked.key] })).response.status()).toBe(202);
    await expect
      .poll(async () => (await verifier.verify(revoked.key)).code, { intervals: [5], timeout: 1000 })
      .toBe("REVOKED");

    await json(await owner.api.patch("/api/v1/workspace", { data: { leakResponse: "disable" } }), 200);
    await expect.poll(() => verifier.verifySync(disabled.key)?.code, { timeout: 2000 }).toBe("VALID");
    expect((await report(machine, { keys: [disabled.key] })).response.status()).toBe(202);
    await expect
      .poll(async () => (await verifier.verify(disabled.key)).code, { intervals: [5], timeout: 1000 })
      .toBe("DISABLED");
  } finally {
    await verifier.close();
    await machine.dispose();
  }
});

test("bad input is a 400 naming the field; other methods are 405", async ({ baseURL }) => {
  const machine = await anonymous(baseURL!);
  const field = async (data: unknown) => {
    const { response } = await report(machine, data);
    expect(response.status(), JSON.stringify(data)).toBe(400);
    const error = (await response.json()).error;
    expect(error.code).toBe("VALIDATION_FAILED");
    return error.details.issues[0].field as string;
  };
  expect(await field({})).toBe("keys");
  expect(await field({ keys: [] })).toBe("keys");
  expect(await field({ keys: "sk_live_x" })).toBe("keys");
  expect(await field({ keys: Array.from({ length: 101 }, (_, i) => `k${i}`) })).toBe("keys");
  expect(await field({ keys: [42] })).toBe("keys.0");
  expect(await field({ keys: [""] })).toBe("keys.0");
  expect(await field({ keys: ["x".repeat(513)] })).toBe("keys.0");
  expect(await field({ keys: ["x"], url: "javascript:alert(1)" })).toBe("url");
  expect(await field({ keys: ["x"], url: "not a url" })).toBe("url");
  expect(await field({ keys: ["x"], source: "s".repeat(201) })).toBe("source");
  expect(await field({ keys: ["x"], token: "y" })).toBe("token");

  const notJson = await machine.post(REPORT, {
    headers: { "content-type": "application/json", "x-forwarded-for": newAddress() },
    data: "{not json",
  });
  expect(notJson.status()).toBe(400);
  expect((await notJson.json()).error.details.issues[0].field).toBe("body");
  const get = await machine.get(REPORT);
  expect(get.status()).toBe(405);
  expect(get.headers().allow).toContain("POST");
  // At the limit of 100 keys a call: accepted.
  const hundred = await report(machine, { keys: Array.from({ length: 100 }, () => randomUUID()) });
  expect(hundred.response.status()).toBe(202);
  expect(await hundred.response.json()).toEqual({ received: 100 });
  await machine.dispose();
});

test.describe("on servers of their own", () => {
  test.describe.configure({ mode: "serial", timeout: 120_000 });

  let limited: StartedServer;
  let mailing: StartedServer;
  let smtp: TestSmtp;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    smtp = await startSmtp();
    [limited, mailing] = await Promise.all([
      startServer(await freePort(), { KEYSMITH_AUTH_RATE_LIMIT: "on", KEYSMITH_TRUST_PROXY: "1" }),
      startServer(await freePort(), { SMTP_URL: smtp.url, MAIL_FROM: "Keysmith <keys@example.test>" }),
    ]);
  });

  test.afterAll(async () => {
    await Promise.all([limited?.stop(), mailing?.stop()]);
    await smtp?.close();
  });

  test("reports are limited per address: 30 a minute, then 429 with Retry-After; other addresses still report", async () => {
    const owner = await signUpWithWorkspace(limited.url);
    const key = await createKey(owner.api, { name: "Reported during a flood" });
    const machine = await anonymous(limited.url);
    const flooder = "198.51.100.66";
    const statuses = await Promise.all(
      Array.from({ length: 30 }, async () => (await report(machine, { keys: ["noise"] }, flooder)).response.status()),
    );
    expect(statuses).toEqual(Array(30).fill(202));
    const refused = (await report(machine, { keys: [key.key] }, flooder)).response;
    expect(refused.status()).toBe(429);
    expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
    expect((await refused.json()).error.code).toBe("RATE_LIMITED");
    // The refused report did nothing.
    expect((await verify(machine, { key: key.key })).code).toBe("VALID");

    // Another address is not held back by the flood: its report revokes the key.
    const honest = await report(machine, { keys: [key.key], ...GITHUB }, "198.51.100.67");
    expect(honest.response.status()).toBe(202);
    expect((await verify(machine, { key: key.key })).code).toBe("REVOKED");
    await machine.dispose();
  });

  test("the key's creator and the workspace's owners and admins are emailed, with the key masked; plain members are not", async () => {
    const owner = await signUpWithWorkspace(mailing.url);
    const admin = await addMember(mailing.url, owner, "admin");
    const creator = await addMember(mailing.url, owner, "member");
    const bystander = await addMember(mailing.url, owner, "member");
    const key = await createKey(creator.api, { name: "Creator's key" });
    const machine = await anonymous(mailing.url);
    expect((await report(machine, { keys: [key.key], ...GITHUB })).response.status()).toBe(202);

    const subject = /Creator's key" was reported leaked and revoked/;
    const toCreator = await smtp.nextMailTo(creator.email, subject);
    const toOwner = await smtp.nextMailTo(owner.email, subject);
    const toAdmin = await smtp.nextMailTo(admin.email, subject);
    expect(toCreator.text).toContain(
      `GitHub secret scanning reported the API key "Creator's key" (${key.maskedKey}) of the workspace Workspace ${owner.workspace.slug}`,
    );
    expect(toCreator.text).toContain(`found at ${GITHUB.url}`);
    expect(toCreator.text).toContain("revoked it at once");
    expect(toCreator.text).toContain("because you created the key");
    expect(toOwner.text).toContain(`because you are an owner or admin of Workspace ${owner.workspace.slug}`);
    expect(toAdmin.text).toContain(`${mailing.url}/${owner.workspace.slug}/keys/${key.id}`);
    for (const mail of [toCreator, toOwner, toAdmin] as ReceivedMail[]) {
      expect(mail.text).not.toContain(key.key);
      expect(mail.html).not.toContain(key.key);
    }
    // A plain member who did not create the key is not told; nor are the keys in the server's output.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.mailTo(bystander.email).filter((mail) => subject.test(mail.subject))).toEqual([]);
    expect(mailing.output()).not.toContain(key.key);
    await machine.dispose();
  });
});
