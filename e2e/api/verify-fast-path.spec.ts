import { generateKey } from "../../lib/keys/format";
import { addMember, anonymous, createKey, json, signUpWithWorkspace, verify } from "../support/api";
import { expect, test } from "../support/test";

const FAST = "/api/v1/keys/verify";
const NEXT = "/api/v1/keys/verify?via=next"; // the same handler code, reached through Next

test.describe("verification fast path", () => {
  test("the node:http fast path and the Next route handler give the same answer for every code", async ({
    baseURL,
  }) => {
    const owner = await signUpWithWorkspace(baseURL!);
    const machine = await anonymous(baseURL!);
    await json(await owner.api.patch("/api/v1/workspace", { data: { customScopes: ["tasks.read"] } }), 200);
    const valid = await createKey(owner.api, { name: "Valid", scopes: ["keys.read"] });
    const revoked = await createKey(owner.api, { name: "Revoked" });
    await json(await owner.api.delete(`/api/v1/keys/${revoked.id}`), 200);
    const disabled = await createKey(owner.api, { name: "Disabled" });
    await json(await owner.api.patch(`/api/v1/keys/${disabled.id}`, { data: { enabled: false } }), 200);
    const expiring = await createKey(owner.api, {
      name: "Expired",
      expiresAt: new Date(Date.now() + 1_000).toISOString(),
    });
    // Replaced by a rotation with no grace: REVOKED, with the reason.
    const replaced = await createKey(owner.api, { name: "Replaced" });
    await json(await owner.api.post(`/api/v1/keys/${replaced.id}/rotate`, { data: { gracePeriod: 0 } }), 201);
    const fenced = await createKey(owner.api, { name: "Fenced", ipAllowlist: ["10.0.0.0/8"] });
    const limited = await createKey(owner.api, { name: "Limited", rateLimit: { max: 1, windowMs: 60_000 } });
    await verify(machine, { key: limited.key }); // uses up its one request this minute
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, Date.parse(expiring.expiresAt as string) - Date.now())),
    );

    const cases: [string, Record<string, unknown>][] = [
      ["VALID", { key: valid.key }],
      ["VALID", { key: valid.key, requiredScopes: ["keys.read"] }],
      // The last checksum character changed (to anything but what it was: 1 key in 62 ends in x).
      ["MALFORMED", { key: valid.key.slice(0, -1) + (valid.key.endsWith("x") ? "y" : "x") }],
      ["NOT_FOUND", { key: generateKey("sk", "live") }],
      ["EXPIRED", { key: expiring.key }],
      ["REVOKED", { key: replaced.key }],
      ["REVOKED", { key: revoked.key }],
      ["DISABLED", { key: disabled.key }],
      ["IP_NOT_ALLOWED", { key: fenced.key, ip: "192.0.2.1" }],
      ["INSUFFICIENT_SCOPE", { key: valid.key, requiredScopes: ["tasks.read"] }],
      ["RATE_LIMITED", { key: limited.key }],
    ];
    for (const [code, body] of cases) {
      const fast = await machine.post(FAST, { data: body });
      const viaNext = await machine.post(NEXT, { data: body });
      expect(fast.status(), code).toBe(200);
      expect(viaNext.status(), code).toBe(200);
      const answer = await fast.json();
      expect(answer.code, JSON.stringify(body)).toBe(code);
      expect(await viaNext.json(), code).toEqual(answer);
    }

    const malformedRequests: [string, { data: unknown; headers?: Record<string, string> }, number][] = [
      ["invalid JSON", { data: "{nope", headers: { "content-type": "application/json" } }, 400],
      ["wrong content type", { data: "key=x", headers: { "content-type": "text/plain" } }, 400],
      ["missing key", { data: {} }, 400],
      ["oversize", { data: { key: "x".repeat(5000) } }, 413],
    ];
    for (const [label, init, status] of malformedRequests) {
      const fast = await machine.post(FAST, init);
      const viaNext = await machine.post(NEXT, init);
      expect(fast.status(), label).toBe(status);
      expect(viaNext.status(), label).toBe(status);
      expect(await viaNext.json(), label).toEqual(await fast.json());
    }
  });

  test("a revoked key is refused by the very next verify; a demotion changes the scopes returned", async ({
    baseURL,
  }) => {
    const owner = await signUpWithWorkspace(baseURL!);
    const admin = await addMember(baseURL!, owner, "admin");
    const machine = await anonymous(baseURL!);
    const key = await createKey(admin.api, { name: "Hot key", scopes: ["keys.read", "keys.write"] });
    for (let i = 0; i < 3; i++) {
      expect(await verify(machine, { key: key.key })).toMatchObject({ valid: true, role: "admin" });
    }

    await json(await owner.api.patch(`/api/v1/members/${admin.memberId}`, { data: { role: "member" } }), 200);
    expect(await verify(machine, { key: key.key })).toMatchObject({
      valid: true,
      scopes: ["keys.read"],
      role: "member",
    });

    await json(await owner.api.delete(`/api/v1/keys/${key.id}`), 200);
    expect(await verify(machine, { key: key.key })).toMatchObject({ valid: false, code: "REVOKED" });
  });

  test("usage: N verifications are counted in the current hour and set last used", async ({ baseURL }) => {
    const owner = await signUpWithWorkspace(baseURL!);
    const machine = await anonymous(baseURL!);
    const key = await createKey(owner.api, { name: "Counted", scopes: ["keys.read"] });
    for (let i = 0; i < 7; i++) await verify(machine, { key: key.key, ip: "203.0.113.5" });
    for (let i = 0; i < 3; i++) await verify(machine, { key: key.key, requiredScopes: ["members.write"] });

    // The server under test flushes every 500 ms.
    await expect
      .poll(async () => (await json(await owner.api.get(`/api/v1/keys/${key.id}/usage?range=24h`), 200)).totals, {
        timeout: 5000,
      })
      .toEqual({ success: 7, failure: 3 });
    const report = await json(await owner.api.get(`/api/v1/keys/${key.id}/usage?range=24h`), 200);
    expect(report.granularity).toBe("hour");
    expect(report.points).toHaveLength(24);
    expect(report.points.at(-1)).toMatchObject({ success: 7, failure: 3 });
    const week = await json(await owner.api.get(`/api/v1/keys/${key.id}/usage?range=7d`), 200);
    expect(week).toMatchObject({ granularity: "day", totals: { success: 7, failure: 3 } });
    expect(week.points).toHaveLength(7);
    const seen = await json(await owner.api.get(`/api/v1/keys/${key.id}`), 200);
    expect(seen.lastUsedIp).toBe("203.0.113.5");
    expect((await owner.api.get(`/api/v1/keys/${key.id}/usage?range=1y`)).status()).toBe(400);
  });

  test("a key's own request limit answers RATE_LIMITED on verify and 429 on the API", async ({ baseURL }) => {
    const owner = await signUpWithWorkspace(baseURL!);
    const machine = await anonymous(baseURL!);
    const key = await createKey(owner.api, { name: "Metered", rateLimit: { max: 3, windowMs: 60_000 } });
    expect(key.rateLimit).toEqual({ max: 3, windowMs: 60_000 });
    for (let i = 0; i < 3; i++) expect(await verify(machine, { key: key.key })).toMatchObject({ valid: true });
    expect(await verify(machine, { key: key.key })).toMatchObject({ valid: false, code: "RATE_LIMITED" });
    const api = await machine.get("/api/v1/me", { headers: { authorization: `Bearer ${key.key}` } });
    expect(api.status()).toBe(429);
    expect(api.headers()["retry-after"]).toBeTruthy();
  });
});
