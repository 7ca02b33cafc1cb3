import { createHash, randomUUID } from "node:crypto";
import { KeysmithError } from "@keysmith/sdk";
import { addMember, anonymous, bearer, createKey, json, signUpWithWorkspace, verify } from "../support/api";
import { Terminal } from "../support/cli";
import { sdkWorkspace } from "../support/sdk";
import { expect, test } from "../support/test";

/**
 * Hygiene policies and the hygiene report over HTTP: a maximum key lifetime refused on create,
 * rotate and expiry edits with a 400 naming expiresAt (through the REST API, the SDK and the
 * CLI), each policy change audited; and the report's findings with bulk revoke and disable.
 */
const DAY = 24 * 60 * 60 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

test("a maximum key lifetime: over-long or absent expiries are a 400 naming expiresAt; the change is audited", async ({
  baseURL,
}) => {
  const owner = await signUpWithWorkspace(baseURL!);
  const before = await createKey(owner.api, { name: "Before the policy", environment: "test", expiresIn: "90d" });

  const set = await json(await owner.api.patch("/api/v1/workspace", { data: { maxKeyLifetimeDays: 30 } }), 200);
  expect(set).toMatchObject({ maxKeyLifetimeDays: 30, disableUnusedKeysAfterDays: null });
  expect(await json(await owner.api.get("/api/v1/workspace"), 200)).toMatchObject({ maxKeyLifetimeDays: 30 });
  const audit = await json(await owner.api.get("/api/v1/audit?action=workspace.settings_changed"), 200);
  expect(audit.data[0].metadata).toEqual({ maxKeyLifetimeDays: { from: null, to: 30 } });

  const refusedField = async (response: Awaited<ReturnType<typeof owner.api.post>>) => {
    const body = await json(response, 400);
    expect(body.error.code).toBe("VALIDATION_FAILED");
    expect(body.error.details.issues[0].field).toBe("expiresAt");
    return body.error.message as string;
  };
  const create = (data: Record<string, unknown>) =>
    owner.api.post("/api/v1/keys", { data: { name: "Policy bound", environment: "test", ...data } });
  expect(await refusedField(await create({ expiresIn: "90d" }))).toContain("must expire within 30 days");
  expect(await refusedField(await create({}))).toContain("give an expiry");
  expect(await refusedField(await create({ expiresIn: "never" }))).toContain("give an expiry");
  await refusedField(await create({ expiresAt: inDays(31) }));
  expect((await create({ expiresIn: "25d" })).status()).toBe(201);
  expect((await create({ expiresAt: inDays(29) })).status()).toBe(201);

  // Imported keys too, each named by its place in the list.
  const hash = createHash("sha256").update(randomUUID()).digest("hex");
  const imported = await json(
    await owner.api.post("/api/v1/keys/import", { data: { keys: [{ hash, name: "Imported forever" }] } }),
    400,
  );
  expect(imported.error.details.issues[0].field).toBe("keys.0.expiresAt");
  const importedOk = { hash, name: "Imported bounded", expiresAt: inDays(10) };
  expect((await owner.api.post("/api/v1/keys/import", { data: { keys: [importedOk] } })).status()).toBe(201);

  // A key from before the policy: its replacement may not outlive the limit either way.
  const rotate = (id: string, expiry: "keep" | "renew") =>
    owner.api.post(`/api/v1/keys/${id}/rotate`, { data: { expiry } });
  await refusedField(await rotate(before.id, "keep"));
  await refusedField(await rotate(before.id, "renew"));
  // Bringing its expiry within the limit lets it rotate; a later or absent one is refused.
  const patch = (id: string, expiresAt: string | null) =>
    owner.api.patch(`/api/v1/keys/${id}`, { data: { expiresAt } });
  await refusedField(await patch(before.id, inDays(45)));
  await refusedField(await patch(before.id, null));
  const edited = await json(await patch(before.id, inDays(20)), 200);
  expect(Date.parse(edited.expiresAt)).toBeLessThan(Date.now() + 21 * DAY);
  expect((await rotate(before.id, "keep")).status()).toBe(201);

  // Out of range values are a 400 naming the policy.
  for (const value of [0, 3651, 1.5, "30"]) {
    const bad = await json(await owner.api.patch("/api/v1/workspace", { data: { maxKeyLifetimeDays: value } }), 400);
    expect(bad.error.details.issues[0].field).toBe("maxKeyLifetimeDays");
  }

  // Turned off: keys may be created without expiry again.
  await json(await owner.api.patch("/api/v1/workspace", { data: { maxKeyLifetimeDays: null } }), 200);
  expect((await create({ expiresIn: "never" })).status()).toBe(201);
  const off = await json(await owner.api.get("/api/v1/audit?action=workspace.settings_changed"), 200);
  expect(off.data[0].metadata).toEqual({ maxKeyLifetimeDays: { from: 30, to: null } });
});

test("the SDK and the CLI get the policy's 400 as it is", async ({ baseURL }) => {
  const sdk = await sdkWorkspace(baseURL!);
  await json(await sdk.owner.api.patch("/api/v1/workspace", { data: { maxKeyLifetimeDays: 7 } }), 200);
  const refused = await sdk.keysmith.keys.create({ name: "Too long", expiresIn: "15d" }).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(KeysmithError);
  expect(refused).toMatchObject({
    code: "VALIDATION_FAILED",
    status: 400,
    details: { issues: [{ field: "expiresAt" }] },
  });

  const cli = await new Terminal().run(["keys", "create", "--name", "From the terminal", "--expires-in", "90d"], {
    env: { KEYSMITH_API_KEY: sdk.adminKey, KEYSMITH_URL: baseURL! },
  });
  expect(cli.code).toBe(1);
  expect(cli.stderr).toMatch(/^keysmith: expiresAt: This workspace's keys must expire within 7 days/);
});

test("the hygiene report lists what needs a look; bulk disable and revoke act per key, audited per key", async ({
  baseURL,
}) => {
  const owner = await signUpWithWorkspace(baseURL!);
  const member = await addMember(baseURL!, owner, "member");
  const used = await createKey(owner.api, { name: "In use", environment: "test", expiresIn: "90d" });
  expect(await verify(owner.api, { key: used.key })).toMatchObject({ valid: true });
  const idle = await createKey(owner.api, { name: "Idle forever", environment: "test" });
  const idleToo = await createKey(owner.api, { name: "Idle dated", environment: "test", expiresIn: "90d" });
  const left = await createKey(member.api, { name: "Left behind", environment: "test", expiresIn: "90d" });
  const gone = await createKey(owner.api, { name: "Already revoked", environment: "test" });
  await json(await owner.api.delete(`/api/v1/keys/${gone.id}`), 200);
  expect((await owner.api.delete(`/api/v1/members/${member.memberId}`)).status()).toBe(204);

  // Usage reaches the database on the next flush.
  await expect
    .poll(async () => (await json(await owner.api.get(`/api/v1/keys/${used.id}`), 200)).lastUsedAt, {
      timeout: 15_000,
    })
    .not.toBeNull();
  const report = await json(await owner.api.get("/api/v1/keys/hygiene"), 200);
  const findings = Object.fromEntries(
    report.data.map((k: { name: string; findings: string[] }) => [k.name, k.findings]),
  );
  expect(findings).toEqual({
    "Idle forever": ["never_used", "never_expires"],
    "Idle dated": ["never_used"],
    "Left behind": ["never_used", "creator_left"],
  });
  expect(report.counts).toEqual({
    never_used: 3,
    unused_30d: 0,
    unused_90d: 0,
    never_expires: 1,
    creator_left: 1,
  });
  const neverExpiring = await json(await owner.api.get("/api/v1/keys/hygiene?finding=never_expires"), 200);
  expect(neverExpiring.data.map((k: { id: string }) => k.id)).toEqual([idle.id]);
  const badFinding = await json(await owner.api.get("/api/v1/keys/hygiene?finding=stale"), 400);
  expect(badFinding.error.details.issues[0].field).toBe("finding");

  const disabled = await json(
    await owner.api.post("/api/v1/keys/bulk/disable", { data: { ids: [idle.id, idleToo.id, gone.id, "key_nope"] } }),
    200,
  );
  expect(disabled).toEqual({
    done: [idle.id, idleToo.id],
    unchanged: [gone.id],
    failed: [{ id: "key_nope", code: "NOT_FOUND", message: "No such key in this workspace" }],
  });
  expect(await verify(owner.api, { key: idle.key })).toMatchObject({ valid: false, code: "DISABLED" });

  const revoked = await json(
    await owner.api.post("/api/v1/keys/bulk/revoke", { data: { ids: [idle.id, left.id] } }),
    200,
  );
  expect(revoked).toEqual({ done: [idle.id, left.id], unchanged: [], failed: [] });
  expect(await verify(owner.api, { key: left.key })).toMatchObject({ valid: false, code: "REVOKED" });
  for (const [id, actions] of [
    [idle.id, ["key.revoked", "key.updated", "key.created"]],
    [idleToo.id, ["key.updated", "key.created"]],
    [left.id, ["key.revoked", "key.created"]],
  ] as const) {
    const trail = await json(await owner.api.get(`/api/v1/audit?targetId=${id}`), 200);
    expect(trail.data.map((e: { action: string }) => e.action)).toEqual(actions);
  }
  const after = await json(await owner.api.get("/api/v1/keys/hygiene"), 200);
  expect(after.data.map((k: { name: string }) => k.name)).toEqual(["Idle dated"]);

  const tooMany = await json(
    await owner.api.post("/api/v1/keys/bulk/revoke", {
      data: { ids: Array.from({ length: 101 }, (_, i) => `key_${i}`) },
    }),
    400,
  );
  expect(tooMany.error.details.issues[0].field).toBe("ids");
  // A key without keys.write may read the report but not act.
  const reader = await createKey(owner.api, { name: "Reader", environment: "test", scopes: ["keys.read"] });
  const machine = await anonymous(baseURL!);
  const headers = bearer(reader.key);
  expect((await machine.get("/api/v1/keys/hygiene", { headers })).status()).toBe(200);
  expect((await machine.post("/api/v1/keys/bulk/revoke", { headers, data: { ids: [idleToo.id] } })).status()).toBe(403);
});
