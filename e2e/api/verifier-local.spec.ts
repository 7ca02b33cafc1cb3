import { createHash } from "node:crypto";
import { Keysmith, type LocalVerifier, type VerifyResult } from "@keysmith/sdk";
import { generateKey } from "../../lib/keys/format";
import { addMember, anonymous, bearer, createKey, json, signUpWithWorkspace } from "../support/api";
import { cuttableProxy } from "../support/cuttable-proxy";
import { expect, test } from "../support/test";

// The SDK's in-process verifier (packages/sdk/src/local) against the started Keysmith: its
// snapshot, its answers beside the server's, revocations over the event stream, a cut stream.
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const verifiers: LocalVerifier[] = [];
test.afterEach(async () => {
  await Promise.all(verifiers.splice(0).map((v) => v.close()));
});

function localVerifier(baseUrl: string, apiKey: string, maxStalenessMs = 2000): LocalVerifier {
  const verifier = new Keysmith({ baseUrl, apiKey, retries: 0 }).createVerifier({ mode: "local", maxStalenessMs });
  verifiers.push(verifier);
  return verifier;
}

test.describe("the verifier snapshot", () => {
  test("holds the workspace's keys by hash, one page at a time, and nothing of other workspaces", async ({
    baseURL,
  }) => {
    const own = await signUpWithWorkspace(baseURL!);
    const other = await signUpWithWorkspace(baseURL!);
    const verifier = await createKey(own.api, { name: "Verifier", scopes: ["keys.verify"] });
    const reader = await createKey(own.api, { name: "Reader", scopes: ["keys.read"], ipAllowlist: ["10.0.0.0/8"] });
    const foreign = await createKey(other.api, { name: "Foreign" });
    const machine = await anonymous(baseURL!);

    const whole = await json(await machine.get("/api/v1/keys/verify/snapshot", { headers: bearer(verifier.key) }), 200);
    expect(whole.workspaceId).toBe(own.workspace.id);
    expect(whole.eventId).toMatch(/^evt_/);
    const ids = whole.keys.map((k: { keyId: string }) => k.keyId);
    expect(ids).toEqual(expect.arrayContaining([verifier.id, reader.id]));
    expect(ids).not.toContain(foreign.id);
    expect(whole.keys.find((k: { keyId: string }) => k.keyId === reader.id)).toEqual({
      hash: sha256(reader.key),
      keyId: reader.id,
      kind: "workspace",
      workspaceId: own.workspace.id,
      organizationId: own.workspace.organizationId,
      environment: "live",
      expiresAt: null,
      revoked: false,
      rotated: false,
      enabled: true,
      ipAllowlist: ["10.0.0.0/8"],
      creatorIsMember: true,
      scopes: ["keys.read"],
      role: "owner",
      rateLimit: null,
    });
    expect(JSON.stringify(whole)).not.toContain(reader.key);

    // Page by page, the same keys.
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, string> = { limit: "1", ...(cursor ? { cursor } : {}) };
      const page = await json(
        await machine.get("/api/v1/keys/verify/snapshot", { headers: bearer(verifier.key), params: query }),
        200,
      );
      paged.push(...page.keys.map((k: { keyId: string }) => k.keyId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(ids);

    const one = await machine.get("/api/v1/keys/verify/snapshot", {
      headers: bearer(verifier.key),
      params: { keyId: reader.id },
    });
    expect((await json(one, 200)).keys.map((k: { keyId: string }) => k.keyId)).toEqual([reader.id]);
    const hidden = await machine.get("/api/v1/keys/verify/snapshot", {
      headers: bearer(verifier.key),
      params: { keyId: foreign.id },
    });
    expect((await json(hidden, 200)).keys).toEqual([]);

    // Only a verifier key (keys.verify) may read it; bad input names the field.
    const refused = await machine.get("/api/v1/keys/verify/snapshot", { headers: bearer(reader.key) });
    expect(refused.status()).toBe(403);
    const tooMany = await machine.get("/api/v1/keys/verify/snapshot", {
      headers: bearer(verifier.key),
      params: { limit: "1001" },
    });
    expect(await json(tooMany, 400)).toMatchObject({ error: { details: { issues: [{ field: "limit" }] } } });
  });

  test("usage reported by a verifier counts toward its own workspace's keys only", async ({ baseURL }) => {
    const own = await signUpWithWorkspace(baseURL!);
    const other = await signUpWithWorkspace(baseURL!);
    const verifier = await createKey(own.api, { name: "Verifier", scopes: ["keys.verify"] });
    const client = await createKey(own.api, { name: "Client" });
    const foreign = await createKey(other.api, { name: "Foreign" });
    const machine = await anonymous(baseURL!);
    const at = new Date().toISOString();
    const answer = await machine.post("/api/v1/keys/verify/usage", {
      headers: bearer(verifier.key),
      data: {
        usage: [
          { keyId: client.id, success: 7, failure: 2, lastUsedAt: at, ip: "203.0.113.9", userAgent: "edge/1" },
          { keyId: foreign.id, success: 5, failure: 0 },
        ],
      },
    });
    expect(await json(answer, 200)).toEqual({ accepted: 1, ignored: [foreign.id] });
    await expect
      .poll(async () => (await json(await own.api.get(`/api/v1/keys/${client.id}`), 200)).lastUsedIp)
      .toBe("203.0.113.9");
    expect((await json(await other.api.get(`/api/v1/keys/${foreign.id}`), 200)).lastUsedAt).toBeNull();

    // A full batch fits the route's body limit (above the verify endpoint's 4 KiB); one more key does not.
    const entry = { keyId: client.id, success: 1, failure: 0, userAgent: "u".repeat(400) };
    const full = await machine.post("/api/v1/keys/verify/usage", {
      headers: bearer(verifier.key),
      data: { usage: Array.from({ length: 100 }, () => entry) },
    });
    expect(await json(full, 200)).toEqual({ accepted: 100, ignored: [] });
    const over = await machine.post("/api/v1/keys/verify/usage", {
      headers: bearer(verifier.key),
      data: { usage: Array.from({ length: 101 }, () => entry) },
    });
    expect(await json(over, 400)).toMatchObject({ error: { details: { issues: [{ field: "usage" }] } } });
  });
});

test.describe("the local verifier", () => {
  test("answers every code exactly as the server does, from its own copy", async ({ baseURL }) => {
    const own = await signUpWithWorkspace(baseURL!);
    const other = await signUpWithWorkspace(baseURL!);
    const member = await addMember(baseURL!, own, "member");
    const staying = await addMember(baseURL!, own, "member");
    const verifierKey = await createKey(own.api, { name: "Verifier", scopes: ["keys.verify"] });
    await json(await own.api.patch("/api/v1/workspace", { data: { environments: ["live", "test", "staging"] } }), 200);
    const keys = {
      staging: await createKey(own.api, { name: "Staging", scopes: ["keys.read"], environment: "staging" }),
      memberTier: await createKey(staying.api, { name: "Member tier", scopes: ["keys.read"] }),
      valid: await createKey(own.api, { name: "Valid", scopes: ["keys.read"], environment: "test" }),
      expiring: await createKey(own.api, { name: "Expiring", expiresIn: "45d" }),
      revoked: await createKey(own.api, { name: "Revoked" }),
      rotatedAway: await createKey(own.api, { name: "Rotated" }),
      disabled: await createKey(own.api, { name: "Disabled" }),
      allowlisted: await createKey(own.api, { name: "Allowlisted", ipAllowlist: ["10.0.0.0/8"] }),
      limited: await createKey(own.api, { name: "Limited", rateLimit: { max: 2, windowMs: 60_000 } }),
      orphaned: await createKey(member.api, { name: "Member's key" }),
      foreign: await createKey(other.api, { name: "Foreign" }),
    };
    await json(await own.api.delete(`/api/v1/keys/${keys.revoked.id}`), 200);
    await json(await own.api.post(`/api/v1/keys/${keys.rotatedAway.id}/rotate`, { data: { gracePeriod: 0 } }), 201);
    await json(await own.api.patch(`/api/v1/keys/${keys.disabled.id}`, { data: { enabled: false } }), 200);
    expect((await own.api.delete(`/api/v1/members/${member.memberId}`)).status()).toBe(204);

    const verifier = localVerifier(baseURL!, verifierKey.key);
    await verifier.ready();
    const machine = await anonymous(baseURL!);
    const server = async (key: string, extra: Record<string, unknown> = {}): Promise<VerifyResult> =>
      json(
        await machine.post("/api/v1/keys/verify", { headers: bearer(verifierKey.key), data: { key, ...extra } }),
        200,
      );

    const cases: [string, string, { requiredScopes?: string[]; ip?: string }, string][] = [
      ["valid", keys.valid.key, {}, "VALID"],
      ["valid with its scope", keys.valid.key, { requiredScopes: ["keys.read"] }, "VALID"],
      ["in the workspace's own environment", keys.staging.key, {}, "VALID"],
      ["a member's key", keys.memberTier.key, {}, "VALID"],
      [
        "a member's key, missing a scope",
        keys.memberTier.key,
        { requiredScopes: ["keys.write"] },
        "INSUFFICIENT_SCOPE",
      ],
      ["missing a scope", keys.valid.key, { requiredScopes: ["audit.read"] }, "INSUFFICIENT_SCOPE"],
      ["expiring later", keys.expiring.key, {}, "VALID"],
      ["revoked", keys.revoked.key, {}, "REVOKED"],
      ["rotated without grace", keys.rotatedAway.key, {}, "REVOKED"],
      ["disabled", keys.disabled.key, {}, "DISABLED"],
      ["creator removed", keys.orphaned.key, {}, "DISABLED"],
      ["allowed address", keys.allowlisted.key, { ip: "10.1.2.3" }, "VALID"],
      ["other address", keys.allowlisted.key, { ip: "192.0.2.1" }, "IP_NOT_ALLOWED"],
      ["no address", keys.allowlisted.key, {}, "IP_NOT_ALLOWED"],
      ["mapped address", keys.allowlisted.key, { ip: "::ffff:10.0.0.1" }, "VALID"],
      ["malformed", "sk_live_nope", {}, "MALFORMED"],
    ];
    for (const [name, key, options, code] of cases) {
      const local = verifier.verifySync(key, options);
      expect(local, `${name}: answered from the copy`).not.toBeNull();
      expect([name, local]).toEqual([name, await server(key, options)]);
      expect(local?.code, name).toBe(code);
    }
    expect(verifier.verifySync(keys.staging.key)?.environment).toBe("staging");
    // The tier each key acts with (its creator's role), as the server says it.
    expect(verifier.verifySync(keys.valid.key)?.role).toBe("owner");
    expect(verifier.verifySync(keys.memberTier.key)?.role).toBe("member");
    // Not in the copy (never issued, or another workspace's): asked of the server once, then remembered.
    for (const unknown of [generateKey("sk", "live"), keys.foreign.key]) {
      expect(verifier.verifySync(unknown)).toBeNull();
      expect(await verifier.verify(unknown)).toEqual(await server(unknown));
      const remembered = verifier.verifySync(unknown);
      expect(remembered).toEqual(await server(unknown));
      expect(remembered?.code).toBe("NOT_FOUND");
    }
    // The key's own limit, counted here as each server instance counts it.
    const local = [1, 2, 3].map(() => verifier.verifySync(keys.limited.key)?.code);
    const served = [];
    for (let i = 0; i < 3; i++) served.push((await server(keys.limited.key)).code);
    expect(local).toEqual(["VALID", "VALID", "RATE_LIMITED"]);
    expect(served).toEqual(local);
    expect(verifier.verifySync(keys.limited.key)).toEqual(await server(keys.limited.key));
    expect(verifier.stats()).toMatchObject({ fresh: true, streamUp: true });
  });

  test("hears a revocation, an edit and a new key within moments, and reports its usage", async ({ baseURL }) => {
    const own = await signUpWithWorkspace(baseURL!);
    const verifierKey = await createKey(own.api, { name: "Verifier", scopes: ["keys.verify"] });
    const client = await createKey(own.api, { name: "Client", scopes: ["keys.read"] });
    const verifier = localVerifier(baseURL!, verifierKey.key);
    await verifier.ready();
    expect(verifier.verifySync(client.key)?.code).toBe("VALID");

    // A key created after the snapshot arrives with its event: answered locally, no server call,
    // in whichever of the workspace's environments it was made.
    await json(await own.api.patch("/api/v1/workspace", { data: { environments: ["live", "qa"] } }), 200);
    const qa = await createKey(own.api, { name: "QA runner", environment: "qa" });
    await expect.poll(() => verifier.verifySync(qa.key)?.environment, { timeout: 2000 }).toBe("qa");
    const revoked = await createKey(own.api, { name: "Soon revoked" });
    await expect.poll(() => verifier.verifySync(revoked.key)?.code, { timeout: 2000 }).toBe("VALID");
    const started = Date.now();
    await json(await own.api.delete(`/api/v1/keys/${revoked.id}`), 200);
    await expect.poll(() => verifier.verifySync(revoked.key)?.code, { intervals: [5], timeout: 2000 }).toBe("REVOKED");
    expect(Date.now() - started).toBeLessThan(1000);

    await json(await own.api.patch(`/api/v1/keys/${client.id}`, { data: { ipAllowlist: ["10.0.0.0/8"] } }), 200);
    await expect
      .poll(() => verifier.verifySync(client.key, { ip: "192.0.2.1" })?.code, { timeout: 2000 })
      .toBe("IP_NOT_ALLOWED");
    expect(verifier.verifySync(client.key, { ip: "10.9.9.9" })?.code).toBe("VALID");

    // A demotion of a key's creator: the copy's next answer says the new tier, as the server's does.
    const admin = await addMember(baseURL!, own, "admin");
    const adminKey = await createKey(admin.api, { name: "Admin tier", scopes: ["keys.read", "keys.write"] });
    await expect.poll(() => verifier.verifySync(adminKey.key)?.role, { timeout: 2000 }).toBe("admin");
    await json(await own.api.patch(`/api/v1/members/${admin.memberId}`, { data: { role: "member" } }), 200);
    await expect.poll(() => verifier.verifySync(adminKey.key)?.role, { timeout: 2000 }).toBe("member");
    expect(verifier.verifySync(adminKey.key)).toMatchObject({ valid: true, scopes: ["keys.read"] });

    await verifier.close();
    await expect
      .poll(async () => (await json(await own.api.get(`/api/v1/keys/${client.id}`), 200)).lastUsedIp)
      .toBe("10.9.9.9");
    const used = await json(await own.api.get(`/api/v1/keys/${client.id}`), 200);
    expect(used.lastUsedUserAgent).toBe("keysmith-local-verifier");
  });

  test("a cut stream: no VALID for a revoked key after maxStalenessMs, the server answers meanwhile", async ({
    baseURL,
  }) => {
    const own = await signUpWithWorkspace(baseURL!);
    const verifierKey = await createKey(own.api, { name: "Verifier", scopes: ["keys.verify"] });
    const client = await createKey(own.api, { name: "Client" });
    const { hostname, port } = new URL(baseURL!);
    const proxy = await cuttableProxy({ host: hostname === "localhost" ? "127.0.0.1" : hostname, port: Number(port) });
    try {
      const maxStalenessMs = 1000;
      const verifier = localVerifier(proxy.url, verifierKey.key, maxStalenessMs);
      await verifier.ready();
      expect(verifier.verifySync(client.key)?.code).toBe("VALID");

      proxy.cut();
      await json(await own.api.delete(`/api/v1/keys/${client.id}`), 200);
      const revokedAt = Date.now();
      const late: string[] = [];
      while (Date.now() - revokedAt < maxStalenessMs + 1500) {
        const answer = await verifier.verify(client.key);
        if (answer.valid && Date.now() - revokedAt > maxStalenessMs) late.push(`${Date.now() - revokedAt} ms`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(late).toEqual([]);
      expect(verifier.stats().fresh).toBe(false);
      expect(verifier.verifySync(client.key)).toBeNull();
      expect(await verifier.verify(client.key)).toMatchObject({ code: "REVOKED" });

      // Back: it resumes where it stopped and answers from its copy again.
      proxy.restore();
      await expect.poll(() => verifier.stats().fresh, { timeout: 10_000 }).toBe(true);
      expect(verifier.verifySync(client.key)?.code).toBe("REVOKED");
    } finally {
      await proxy.close();
    }
  });
});
