import { generateKey } from "../../lib/keys/format";
import { anonymous, signUpWithWorkspace } from "../support/api";
import { expect, test } from "../support/test";

test.describe("API: key lifecycle over HTTP", () => {
  test("create → verify VALID → use on /me → revoke → verify REVOKED and /me 401", async ({ baseURL }) => {
    const admin = await signUpWithWorkspace(baseURL!, "acme");
    const machine = await anonymous(baseURL!);

    const create = await admin.api.post("/api/v1/keys", {
      data: { name: "Billing service", environment: "live", expiresIn: "90d" },
    });
    expect(create.status()).toBe(201);
    const created = await create.json();
    expect(created.key).toMatch(/^acme_live_[0-9A-Za-z]{38}$/);
    expect(created.maskedKey).toBe(`${created.key.slice(0, 14)}…${created.key.slice(-4)}`);
    expect(created).not.toHaveProperty("hash");

    const verify = await machine.post("/api/v1/keys/verify", { data: { key: created.key } });
    expect(verify.status()).toBe(200);
    expect(await verify.json()).toMatchObject({
      valid: true,
      code: "VALID",
      keyId: created.id,
      workspaceId: admin.workspace.id,
      environment: "live",
      expiresAt: created.expiresAt,
    });

    const credentials: Record<string, string>[] = [
      { authorization: `Bearer ${created.key}` },
      { "x-api-key": created.key },
    ];
    for (const headers of credentials) {
      const me = await machine.get("/api/v1/me", { headers });
      expect(me.status()).toBe(200);
      expect(await me.json()).toMatchObject({
        type: "key",
        key: { id: created.id },
        workspace: { id: admin.workspace.id },
      });
    }

    // The secret is never returned again: not by the list, not by the key itself.
    const list = await admin.api.get("/api/v1/keys");
    expect(await list.text()).not.toContain(created.key);
    const one = await admin.api.get(`/api/v1/keys/${created.id}`);
    expect(one.status()).toBe(200);
    expect(await one.json()).not.toHaveProperty("key");

    const revoke = await admin.api.delete(`/api/v1/keys/${created.id}`);
    expect(revoke.status()).toBe(200);
    expect(await revoke.json()).toMatchObject({ id: created.id, status: "revoked" });

    const after = await machine.post("/api/v1/keys/verify", { data: { key: created.key } });
    expect(await after.json()).toMatchObject({ valid: false, code: "REVOKED", keyId: created.id });
    const meAfter = await machine.get("/api/v1/me", { headers: { authorization: `Bearer ${created.key}` } });
    expect(meAfter.status()).toBe(401);
    expect(await meAfter.json()).toMatchObject({ error: { code: "UNAUTHORIZED" } });

    // The revoked row stays for audit, with its status.
    const listed = (await (await admin.api.get("/api/v1/keys")).json()).data;
    expect(listed.find((k: { id: string }) => k.id === created.id)).toMatchObject({ status: "revoked" });
  });

  test("a key with a broken checksum is MALFORMED; an unknown well-formed key is NOT_FOUND", async ({ baseURL }) => {
    const admin = await signUpWithWorkspace(baseURL!);
    const machine = await anonymous(baseURL!);
    const { key } = await (await admin.api.post("/api/v1/keys", { data: { name: "Checksum probe" } })).json();
    const tampered = key.slice(0, 10) + (key[10] === "a" ? "b" : "a") + key.slice(11);
    expect(await (await machine.post("/api/v1/keys/verify", { data: { key: tampered } })).json()).toMatchObject({
      valid: false,
      code: "MALFORMED",
      keyId: null,
    });

    const unknown = await machine.post("/api/v1/keys/verify", { data: { key: generateKey("sk", "live") } });
    expect(await unknown.json()).toMatchObject({ valid: false, code: "NOT_FOUND", keyId: null });
  });

  test("bad input: invalid JSON, wrong content type, missing and unknown fields → 400 naming the field", async ({
    baseURL,
  }) => {
    const admin = await signUpWithWorkspace(baseURL!);
    const machine = await anonymous(baseURL!);

    const badJson = await machine.post("/api/v1/keys/verify", {
      headers: { "content-type": "application/json" },
      data: "{not json",
    });
    expect(badJson.status()).toBe(400);
    expect(await badJson.json()).toMatchObject({
      error: { code: "VALIDATION_FAILED", details: { issues: [{ field: "body" }] } },
    });

    const wrongType = await machine.post("/api/v1/keys/verify", {
      headers: { "content-type": "text/plain" },
      data: "key=x",
    });
    expect(wrongType.status()).toBe(400);
    expect(await wrongType.json()).toMatchObject({ error: { details: { issues: [{ field: "content-type" }] } } });

    const missing = await machine.post("/api/v1/keys/verify", { data: {} });
    expect(missing.status()).toBe(400);
    expect(await missing.json()).toMatchObject({ error: { details: { issues: [{ field: "key" }] } } });

    const short = await admin.api.post("/api/v1/keys", { data: { name: "ab" } });
    expect(short.status()).toBe(400);
    expect(await short.json()).toMatchObject({
      error: { code: "VALIDATION_FAILED", details: { issues: [{ field: "name" }] } },
    });

    const long = await admin.api.post("/api/v1/keys", { data: { name: "x".repeat(51) } });
    expect((await long.json()).error.details.issues[0].field).toBe("name");

    const unknown = await admin.api.post("/api/v1/keys", { data: { name: "Valid name", secret: "nope" } });
    expect(unknown.status()).toBe(400);
    expect(await unknown.json()).toMatchObject({
      error: { details: { issues: [{ field: "secret", message: "Unknown field" }] } },
    });

    const badEnv = await admin.api.post("/api/v1/keys", { data: { name: "Valid name", environment: "prod" } });
    expect((await badEnv.json()).error.details.issues[0].field).toBe("environment");

    const badQuery = await admin.api.get("/api/v1/keys?limit=abc");
    expect(badQuery.status()).toBe(400);
  });

  test("no credential → 401; unknown key → 401; cross-origin cookie mutation → 403; unknown key id → 404", async ({
    baseURL,
  }) => {
    const admin = await signUpWithWorkspace(baseURL!);
    const machine = await anonymous(baseURL!);

    for (const [method, path] of [
      ["GET", "/api/v1/keys"],
      ["POST", "/api/v1/keys"],
      ["GET", "/api/v1/me"],
      ["DELETE", "/api/v1/keys/key_x"],
    ] as const) {
      const res = await machine.fetch(path, { method, data: method === "POST" ? { name: "nope" } : undefined });
      expect(res.status(), `${method} ${path}`).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: "UNAUTHORIZED" } });
    }
    const garbage = await machine.get("/api/v1/me", { headers: { authorization: "Bearer not-a-key" } });
    expect(garbage.status()).toBe(401);

    const crossOrigin = await admin.api.post("/api/v1/keys", {
      headers: { origin: "https://evil.example" },
      data: { name: "Sneaky" },
    });
    expect(crossOrigin.status()).toBe(403);

    const missing = await admin.api.delete("/api/v1/keys/key_doesnotexist");
    expect(missing.status()).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
  });

  test("a user cannot reach another workspace's keys", async ({ baseURL }) => {
    const alice = await signUpWithWorkspace(baseURL!);
    const bob = await signUpWithWorkspace(baseURL!);
    const key = await (await alice.api.post("/api/v1/keys", { data: { name: "Alice only" } })).json();

    const asBob = await bob.api.get("/api/v1/keys", { headers: { "x-workspace-id": alice.workspace.slug } });
    expect(asBob.status()).toBe(403);
    const bobRevokes = await bob.api.delete(`/api/v1/keys/${key.id}`);
    expect(bobRevokes.status()).toBe(404);
    const stillValid = await (await anonymous(baseURL!)).post("/api/v1/keys/verify", { data: { key: key.key } });
    expect((await stillValid.json()).valid).toBe(true);
  });
});
