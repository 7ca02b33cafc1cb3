import { createHash, randomUUID } from "node:crypto";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { request } from "@playwright/test";
import { addMember, createKey, json, PASSWORD, signUpWithWorkspace } from "../support/api";
import { freePort, type StartedServer, startServer } from "../support/server";
import { expect, test } from "../support/test";
import { totpCode } from "../support/totp";
import { enableTotp } from "../support/two-factor";

/**
 * Sensitive actions need a sign-in within KEYSMITH_REAUTH_MAX_AGE_S: this file's own server
 * sets it to 2 seconds, so a session goes stale by waiting, not by faking a clock. The shared
 * server keeps the default 10 minutes (every other test's session is seconds old).
 */
const MAX_AGE_S = 2;

let server: StartedServer;
test.beforeAll(async () => {
  test.setTimeout(90_000);
  server = await startServer(await freePort(), { KEYSMITH_REAUTH_MAX_AGE_S: String(MAX_AGE_S) });
});
test.afterAll(async () => {
  await server?.stop();
});

const waitUntilStale = () => new Promise((resolve) => setTimeout(resolve, (MAX_AGE_S + 0.5) * 1000));

async function expectReauthRequired(response: APIResponse, what: string) {
  expect(response.status(), `${what}: ${await response.text()}`).toBe(403);
  const { error } = await response.json();
  expect(error.code, what).toBe("REAUTHENTICATION_REQUIRED");
  expect(error.message, what).toMatch(/sign in again/i);
}

async function expectOk(response: APIResponse, what: string) {
  expect(response.ok(), `${what}: ${response.status()} ${await response.text()}`).toBe(true);
}

test("sensitive actions need a recent sign-in; API keys and test keys are not affected", async () => {
  test.setTimeout(120_000);
  const owner = await signUpWithWorkspace(server.url);
  const [org] = (await json(await owner.api.get("/api/v1/orgs"), 200)).data;
  // While the sign-up's session is fresh: the owner's automation key, keys to rotate, members to change.
  const automation = await createKey(owner.api, { name: "Automation", environment: "live" });
  const liveKey = await createKey(owner.api, { name: "Live to rotate", environment: "live" });
  const testKey = await createKey(owner.api, { name: "Test to rotate", environment: "test" });
  const [promoted, removed, removedLater, leaver] = await Promise.all([
    addMember(server.url, owner, "member"),
    addMember(server.url, owner, "member"),
    addMember(server.url, owner, "member"),
    addMember(server.url, owner, "member"),
  ]);
  const machine = await request.newContext({
    baseURL: server.url,
    extraHTTPHeaders: { authorization: `Bearer ${automation.key}` },
  });

  await waitUntilStale();
  // Minting allowed first: a key may create keys only then ("you can't mint a key with a key").
  const sensitive = (api: APIRequestContext) => ({
    "allow key minting": () => api.patch("/api/v1/workspace", { data: { allowKeyMinting: true } }),
    "create a live key": () => api.post("/api/v1/keys", { data: { name: "Live later", environment: "live" } }),
    "rotate a live key": () => api.post(`/api/v1/keys/${liveKey.id}/rotate`, { data: { gracePeriod: "0" } }),
    "add a custom scope": () => api.patch("/api/v1/workspace", { data: { customScopes: ["tasks.read"] } }),
    "require verifier keys": () => api.patch("/api/v1/workspace", { data: { requireVerifierKey: true } }),
    "limit key creation": () => api.patch("/api/v1/workspace", { data: { keyCreation: "admins" } }),
    "disable leaked keys instead of revoking them": () =>
      api.patch("/api/v1/workspace", { data: { leakResponse: "disable" } }),
    "change a member's role": () => api.patch(`/api/v1/members/${promoted.memberId}`, { data: { role: "admin" } }),
    "remove a member": () => api.delete(`/api/v1/members/${removed.memberId}`),
  });
  for (const [what, send] of Object.entries(sensitive(owner.api))) await expectReauthRequired(await send(), what);
  await expectReauthRequired(
    await owner.api.patch(`/api/v1/orgs/${org.id}/members/${promoted.userId}`, { data: { role: "admin" } }),
    "change an organization role",
  );
  // Keys for the signed-in user or made by them: their personal key, an imported live key, a terminal's login.
  const hash = createHash("sha256").update(randomUUID()).digest("hex");
  await expectReauthRequired(await owner.api.post("/api/v1/me/key", { data: {} }), "issue a personal key");
  await expectReauthRequired(
    await owner.api.post("/api/v1/keys/import", { data: { keys: [{ hash, name: "Imported", environment: "live" }] } }),
    "import a live key",
  );
  const terminal = await request.newContext({ baseURL: server.url });
  const login = await json(await terminal.post("/api/v1/cli/login", { data: { deviceName: "laptop" } }), 201);
  await expectReauthRequired(
    await owner.api.post("/api/v1/cli/login/approve", {
      data: { code: login.code, workspace: owner.workspace.id, scopes: ["keys.read"] },
    }),
    "approve a CLI login",
  );
  await terminal.dispose();
  // Nothing happened.
  const members = (await json(await owner.api.get("/api/v1/members"), 200)).data as { id: string; role: string }[];
  expect(members.find((m) => m.id === promoted.memberId)?.role).toBe("member");
  expect(members.some((m) => m.id === removed.memberId)).toBe(true);
  const keyNames = (await json(await owner.api.get("/api/v1/keys"), 200)).data.map((k: { name: string }) => k.name);
  expect(keyNames).not.toContain("Imported");
  expect(await json(await owner.api.get("/api/v1/workspace"), 200)).toMatchObject({
    allowKeyMinting: false,
    requireVerifierKey: false,
    customScopes: [],
  });

  // What is not sensitive still works with the stale session: a test key, rotating one, leaving, renaming.
  await expectOk(
    await owner.api.post("/api/v1/keys", { data: { name: "Test later", environment: "test" } }),
    "test key",
  );
  await expectOk(await owner.api.post(`/api/v1/keys/${testKey.id}/rotate`, { data: {} }), "rotate a test key");
  await expectOk(await leaver.api.delete(`/api/v1/members/${leaver.memberId}`), "leave the workspace");
  await expectOk(await owner.api.patch("/api/v1/workspace", { data: { name: "Renamed" } }), "rename");

  // An API key is a machine's credential: no sign-in to be fresh.
  for (const [what, send] of Object.entries(sensitive(machine))) await expectOk(await send(), `key: ${what}`);

  // Confirming it's them (what the dashboard's "Confirm it's you" sends) makes the same session fresh.
  await expectOk(
    await owner.api.post("/api/v1/me/reauthenticate", { data: { password: PASSWORD } }),
    "confirm it's you",
  );
  await expectOk(await owner.api.post("/api/v1/keys", { data: { name: "Live now", environment: "live" } }), "live key");
  await expectOk(await owner.api.post("/api/v1/me/key", { data: {} }), "personal key");
  await expectOk(await owner.api.patch(`/api/v1/members/${promoted.memberId}`, { data: { role: "member" } }), "role");
  await expectOk(await owner.api.delete(`/api/v1/members/${removedLater.memberId}`), "remove");
  await expectOk(
    await owner.api.patch(`/api/v1/orgs/${org.id}/members/${promoted.userId}`, { data: { role: "admin" } }),
    "organization role",
  );
  await expectOk(
    await owner.api.patch("/api/v1/workspace", { data: { customScopes: ["tasks.read", "billing.read"] } }),
    "custom scope",
  );
  await machine.dispose();
});

/** A wrong answer: 403 REAUTHENTICATION_FAILED naming what was wrong (a missing code is bad input: 400). */
async function expectRefusedField(response: APIResponse, field: string, status = 403) {
  expect(response.status(), await response.text()).toBe(status);
  const { error } = await response.json();
  expect(error.code).toBe(status === 403 ? "REAUTHENTICATION_FAILED" : "VALIDATION_FAILED");
  expect(error.details.issues[0].field).toBe(field);
}

test("confirming it's you: the password, then the authenticator code or a backup code when two-factor is on", async () => {
  const owner = await signUpWithWorkspace(server.url);
  const { secret, backupCodes } = await enableTotp(owner.api);
  const liveKey = () => owner.api.post("/api/v1/keys", { data: { name: "Live", environment: "live" } });
  await waitUntilStale();
  await expectReauthRequired(await liveKey(), "stale two-factor session");

  const confirm = (data: Record<string, string>) => owner.api.post("/api/v1/me/reauthenticate", { data });
  await expectRefusedField(await confirm({ password: "not-my-password", code: totpCode(secret) }), "password");
  await expectRefusedField(await confirm({ password: PASSWORD }), "code", 400);
  const wrongCode = String((Number(totpCode(secret)) + 1) % 1_000_000).padStart(6, "0");
  await expectRefusedField(await confirm({ password: PASSWORD, code: wrongCode }), "code");
  await expectReauthRequired(await liveKey(), "after wrong answers");

  const confirmed = await json(await confirm({ password: PASSWORD, code: totpCode(secret) }), 200);
  expect(Date.parse(confirmed.reauthenticatedAt)).toBeGreaterThan(Date.now() - 60_000);
  await expectOk(await liveKey(), "live key after confirming");
  // The same session, not a new one.
  expect(await json(await owner.api.get("/api/auth/list-sessions"), 200)).toHaveLength(1);

  // A backup code confirms once.
  await waitUntilStale();
  await expectOk(await confirm({ password: PASSWORD, backupCode: backupCodes[0] }), "backup code");
  await expectOk(await liveKey(), "live key after a backup code");
  await waitUntilStale();
  await expectRefusedField(await confirm({ password: PASSWORD, backupCode: backupCodes[0] }), "backupCode");

  // Wrong answers are failed sign-ins in the audit log, never with what was typed.
  const failed = (await json(await owner.api.get("/api/v1/audit?action=user.sign_in_failed"), 200)).data;
  expect(failed.length).toBeGreaterThanOrEqual(3);
  expect(failed[0]).toMatchObject({ metadata: { reauthentication: true } });
  expect(JSON.stringify(failed)).not.toContain("not-my-password");
});

test("wrong answers run out: the sixth in ten minutes is 429 even when right; keys cannot confirm", async () => {
  const owner = await signUpWithWorkspace(server.url);
  const confirm = (password: string) => owner.api.post("/api/v1/me/reauthenticate", { data: { password } });
  for (let i = 0; i < 5; i++) await expectRefusedField(await confirm(`wrong-${i}`), "password");
  const limited = await confirm(PASSWORD);
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
  // Another session of the same person is not locked out by this one's guesses.
  const other = await request.newContext({ baseURL: server.url, extraHTTPHeaders: { origin: server.url } });
  await json(await other.post("/api/auth/sign-in/email", { data: { email: owner.email, password: PASSWORD } }), 200);
  await expectOk(await other.post("/api/v1/me/reauthenticate", { data: { password: PASSWORD } }), "other session");
  await other.dispose();

  const key = await createKey(owner.api, { name: "Machine", environment: "test" });
  const machine = await request.newContext({
    baseURL: server.url,
    extraHTTPHeaders: { authorization: `Bearer ${key.key}` },
  });
  expect((await machine.post("/api/v1/me/reauthenticate", { data: { password: PASSWORD } })).status()).toBe(401);
  await machine.dispose();
});
