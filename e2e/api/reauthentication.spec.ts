import type { APIRequestContext, APIResponse } from "@playwright/test";
import { request } from "@playwright/test";
import { addMember, createKey, json, PASSWORD, signUpWithWorkspace } from "../support/api";
import { type StartedServer, startServer } from "../support/server";
import { expect, test } from "../support/test";

/**
 * Sensitive actions need a sign-in within KEYSMITH_REAUTH_MAX_AGE_S: this file's own server
 * sets it to 2 seconds, so a session goes stale by waiting, not by faking a clock. The shared
 * server keeps the default 10 minutes (every other test's session is seconds old).
 */
const MAX_AGE_S = 2;
const PORT = Number(process.env.E2E_PORT ?? 3510) + 1;

let server: StartedServer;
test.beforeAll(async () => {
  test.setTimeout(90_000);
  server = await startServer(PORT, { KEYSMITH_REAUTH_MAX_AGE_S: String(MAX_AGE_S) });
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
  // Nothing happened.
  const members = (await json(await owner.api.get("/api/v1/members"), 200)).data as { id: string; role: string }[];
  expect(members.find((m) => m.id === promoted.memberId)?.role).toBe("member");
  expect(members.some((m) => m.id === removed.memberId)).toBe(true);
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

  // Signing in again (what the dashboard's "Confirm it's you" does) makes a fresh session.
  await expectOk(
    await owner.api.post("/api/auth/sign-in/email", { data: { email: owner.email, password: PASSWORD } }),
    "sign in",
  );
  await expectOk(await owner.api.post("/api/v1/keys", { data: { name: "Live now", environment: "live" } }), "live key");
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
