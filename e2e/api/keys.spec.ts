import { anonymous, bearer, createKey, json, signUpWithWorkspace, verify } from "../support/api";
import { expect, test } from "../support/test";

test.describe("API: keys", () => {
  test("rotation keeps name, scopes, environment, allowlist and expiry date; grace keeps the old key alive", async ({
    baseURL,
  }) => {
    const owner = await signUpWithWorkspace(baseURL!);
    const machine = await anonymous(baseURL!);
    const old = await createKey(owner.api, {
      name: "Rotating",
      environment: "test",
      scopes: ["keys.read"],
      ipAllowlist: ["127.0.0.1", "::1", "10.0.0.0/8"],
      expiresIn: "45d",
    });
    const rotated = await json(
      await owner.api.post(`/api/v1/keys/${old.id}/rotate`, { data: { gracePeriod: "1h" } }),
      201,
    );
    expect(rotated.key).not.toBe(old.key);
    expect(rotated).toMatchObject({
      name: "Rotating",
      environment: "test",
      scopes: ["keys.read"],
      ipAllowlist: ["127.0.0.1/32", "::1/128", "10.0.0.0/8"],
      status: "active",
    });
    const window = (iso: unknown, from: unknown) => new Date(String(iso)).getTime() - new Date(String(from)).getTime();
    expect(rotated.expiresAt).toBe(old.expiresAt);
    expect(rotated.previous).toMatchObject({ id: old.id, status: "in_grace", replacedById: rotated.id });
    expect(window(rotated.previous.expiresAt, rotated.previous.rotatedAt)).toBe(3600_000);

    // Both keys work during the grace period.
    expect(await verify(machine, { key: old.key, ip: "10.0.0.1" })).toMatchObject({ valid: true });
    expect(await verify(machine, { key: rotated.key, ip: "10.0.0.1" })).toMatchObject({ valid: true });
    // A rotated key cannot be rotated again; its replacement can, with no grace: the old one dies at once.
    expect((await owner.api.post(`/api/v1/keys/${old.id}/rotate`, { data: {} })).status()).toBe(409);
    const again = await json(
      await owner.api.post(`/api/v1/keys/${rotated.id}/rotate`, { data: { gracePeriod: 0 } }),
      201,
    );
    // Its grace over, a replaced key answers as rotated, never as expired.
    expect(await verify(machine, { key: rotated.key, ip: "10.0.0.1" })).toMatchObject({
      valid: false,
      code: "REVOKED",
      reason: "ROTATED",
    });
    const asCredential = await machine.get("/api/v1/me", { headers: bearer(rotated.key) });
    expect(asCredential.status()).toBe(401);
    expect(await asCredential.json()).toMatchObject({
      error: { code: "UNAUTHORIZED", message: "This key was rotated: use the key that replaced it" },
    });
    expect(await json(await owner.api.get(`/api/v1/keys/${rotated.id}`), 200)).toMatchObject({ status: "rotated" });
    const listed = await json(await owner.api.get("/api/v1/keys?status=rotated"), 200);
    expect(listed.data.map((key: { id: string }) => key.id)).toEqual([rotated.id]);
    expect((await json(await owner.api.get("/api/v1/keys?status=expired"), 200)).data).toEqual([]);
    expect(await verify(machine, { key: again.key, ip: "10.0.0.1" })).toMatchObject({ valid: true, reason: null });
    // Revoked by hand, a key says no more than REVOKED.
    await json(await owner.api.delete(`/api/v1/keys/${again.id}`), 200);
    expect(await verify(machine, { key: again.key, ip: "10.0.0.1" })).toMatchObject({ code: "REVOKED", reason: null });

    const audit = await json(await owner.api.get(`/api/v1/audit?action=key.rotated&targetId=${old.id}`), 200);
    expect(audit.data).toHaveLength(1);
    expect(audit.data[0].metadata).toMatchObject({ replacedBy: rotated.id, graceSeconds: 3600 });
    // The replacement's own trail starts with its creation, pointing back at the old key.
    const trail = await json(await owner.api.get(`/api/v1/audit?targetId=${rotated.id}`), 200);
    expect(trail.data.map((event: { action: string }) => event.action)).toEqual(["key.rotated", "key.created"]);
    expect(trail.data[1].metadata).toMatchObject({ replaces: old.id });
  });

  test("rotation keeps the expiry date by default; expiry renew starts a fresh window; an expired key must renew", async ({
    baseURL,
  }) => {
    const owner = await signUpWithWorkspace(baseURL!);
    const machine = await anonymous(baseURL!);
    const ms = (iso: unknown) => new Date(String(iso)).getTime();
    const DAY = 86_400_000;

    // Keep (the default, and said explicitly): the very same instant, however long the key has lived.
    const kept = await createKey(owner.api, { name: "Kept", expiresIn: "45d" });
    const keep = await json(await owner.api.post(`/api/v1/keys/${kept.id}/rotate`, { data: {} }), 201);
    expect(keep.expiresAt).toBe(kept.expiresAt);
    const keepAgain = await json(
      await owner.api.post(`/api/v1/keys/${keep.id}/rotate`, { data: { gracePeriod: "1h", expiry: "keep" } }),
      201,
    );
    expect(keepAgain.expiresAt).toBe(kept.expiresAt);
    // The window's length is carried over, so a later renew gives the full 45 days again.
    expect(keepAgain.expiryWindowMs).toBe(ms(kept.expiresAt) - ms(kept.createdAt));
    const renewedLater = await json(
      await owner.api.post(`/api/v1/keys/${keepAgain.id}/rotate`, { data: { expiry: "renew" } }),
      201,
    );
    expect(ms(renewedLater.expiresAt) - ms(renewedLater.createdAt)).toBe(ms(kept.expiresAt) - ms(kept.createdAt));
    // The old key's grace semantics are unchanged: it lives until min(its expiry, now + grace).
    expect(ms(keepAgain.previous.expiresAt) - ms(keepAgain.previous.rotatedAt)).toBe(3600_000);

    // Renew: a fresh window of the old key's length, counted from the rotation.
    const custom = new Date(Date.now() + 10 * DAY + 12_345).toISOString();
    const renewing = await createKey(owner.api, { name: "Renewed", expiresAt: custom });
    const renewed = await json(
      await owner.api.post(`/api/v1/keys/${renewing.id}/rotate`, { data: { expiry: "renew" } }),
      201,
    );
    const oldWindow = ms(renewing.expiresAt) - ms(renewing.createdAt);
    expect(ms(renewed.expiresAt) - ms(renewed.createdAt)).toBe(oldWindow);
    expect(ms(renewed.expiresAt)).toBeGreaterThan(ms(renewing.expiresAt));
    const audit = await json(await owner.api.get(`/api/v1/audit?action=key.rotated&targetId=${renewing.id}`), 200);
    expect(audit.data[0].metadata).toMatchObject({ expiry: "renew", replacedBy: renewed.id });

    // A key without an expiry gets none either way.
    const forever = await createKey(owner.api, { name: "Forever" });
    expect(forever.expiresAt).toBeNull();
    const foreverKept = await json(await owner.api.post(`/api/v1/keys/${forever.id}/rotate`, { data: {} }), 201);
    expect(foreverKept.expiresAt).toBeNull();
    const foreverRenewed = await json(
      await owner.api.post(`/api/v1/keys/${foreverKept.id}/rotate`, { data: { expiry: "renew" } }),
      201,
    );
    expect(foreverRenewed.expiresAt).toBeNull();

    // An expired key has no date left to keep: 409, pointing at renew; nothing was rotated.
    const shortLived = await createKey(owner.api, {
      name: "Short-lived",
      expiresAt: new Date(Date.now() + 1500).toISOString(),
    });
    await expect
      .poll(async () => (await verify(machine, { key: shortLived.key })).code, { timeout: 10_000 })
      .toBe("EXPIRED");
    const refused = await owner.api.post(`/api/v1/keys/${shortLived.id}/rotate`, { data: {} });
    expect(refused.status()).toBe(409);
    const error = (await refused.json()).error;
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toContain('"expiry":"renew"');
    expect(await json(await owner.api.get(`/api/v1/keys/${shortLived.id}`), 200)).toMatchObject({
      status: "expired",
      rotatedAt: null,
    });
    const revived = await json(
      await owner.api.post(`/api/v1/keys/${shortLived.id}/rotate`, { data: { expiry: "renew" } }),
      201,
    );
    expect(ms(revived.expiresAt) - ms(revived.createdAt)).toBe(ms(shortLived.expiresAt) - ms(shortLived.createdAt));
    expect(await verify(machine, { key: revived.key })).toMatchObject({ valid: true });

    // Anything else is a 400 naming the field.
    const bad = await owner.api.post(`/api/v1/keys/${forever.id}/rotate`, { data: { expiry: "extend" } });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error.details.issues[0].field).toBe("expiry");
  });

  test("grace periods over 7 days are refused", async ({ baseURL }) => {
    const owner = await signUpWithWorkspace(baseURL!);
    const key = await createKey(owner.api);
    const res = await owner.api.post(`/api/v1/keys/${key.id}/rotate`, { data: { gracePeriod: "8d" } });
    expect(res.status()).toBe(400);
    expect((await res.json()).error.details.issues[0].field).toBe("gracePeriod");
  });

  test("PATCH changes name, description, scopes and allowlist; disabling answers DISABLED", async ({ baseURL }) => {
    const owner = await signUpWithWorkspace(baseURL!);
    const machine = await anonymous(baseURL!);
    const key = await createKey(owner.api, { name: "Before", scopes: ["keys.read", "audit.read"] });
    const patched = await json(
      await owner.api.patch(`/api/v1/keys/${key.id}`, {
        data: { name: "After", description: "Reporting job", scopes: ["audit.read"], ipAllowlist: ["2001:db8::/32"] },
      }),
      200,
    );
    expect(patched).toMatchObject({
      name: "After",
      description: "Reporting job",
      scopes: ["audit.read"],
      ipAllowlist: ["2001:db8::/32"],
    });
    expect(await verify(machine, { key: key.key, ip: "2001:db8::7", requiredScopes: ["audit.read"] })).toMatchObject({
      valid: true,
      scopes: ["audit.read"],
    });
    expect(await verify(machine, { key: key.key, ip: "2001:db8::7", requiredScopes: ["keys.read"] })).toMatchObject({
      valid: false,
      code: "INSUFFICIENT_SCOPE",
    });
    await json(await owner.api.patch(`/api/v1/keys/${key.id}`, { data: { enabled: false } }), 200);
    expect(await verify(machine, { key: key.key, ip: "2001:db8::7" })).toMatchObject({
      valid: false,
      code: "DISABLED",
    });
    await json(await owner.api.patch(`/api/v1/keys/${key.id}`, { data: { enabled: true } }), 200);
    expect(await verify(machine, { key: key.key, ip: "2001:db8::7" })).toMatchObject({ valid: true });

    await json(await owner.api.delete(`/api/v1/keys/${key.id}`), 200);
    expect((await owner.api.patch(`/api/v1/keys/${key.id}`, { data: { name: "Zombie" } })).status()).toBe(409);
    const audit = await json(await owner.api.get(`/api/v1/audit?targetId=${key.id}`), 200);
    expect(audit.data.map((e: { action: string }) => e.action)).toEqual([
      "key.revoked",
      "key.updated",
      "key.updated",
      "key.updated",
      "key.created",
    ]);
  });

  test("IP allowlist: IPv4 and IPv6 ranges allow, other addresses are refused", async ({ baseURL }) => {
    const owner = await signUpWithWorkspace(baseURL!);
    const machine = await anonymous(baseURL!);
    const v4 = await createKey(owner.api, { name: "IPv4 only", ipAllowlist: ["127.0.0.0/8", "192.0.2.0/24"] });
    const v6 = await createKey(owner.api, { name: "IPv6 only", ipAllowlist: ["::1", "2001:db8:abcd::/48"] });

    expect(await verify(machine, { key: v4.key, ip: "192.0.2.55" })).toMatchObject({ valid: true });
    expect(await verify(machine, { key: v4.key, ip: "198.51.100.1" })).toMatchObject({
      valid: false,
      code: "IP_NOT_ALLOWED",
    });
    expect(await verify(machine, { key: v6.key, ip: "2001:db8:abcd:12::1" })).toMatchObject({ valid: true });
    expect(await verify(machine, { key: v6.key, ip: "2001:db8:abce::1" })).toMatchObject({
      valid: false,
      code: "IP_NOT_ALLOWED",
    });
    // A key with an allowlist is refused when the caller does not say where the request came from.
    expect(await verify(machine, { key: v6.key })).toMatchObject({ valid: false, code: "IP_NOT_ALLOWED" });

    // Used directly on the REST API, the key is checked against the connection's own address.
    const overV4 = await anonymous(baseURL!.replace("localhost", "127.0.0.1"));
    const overV6 = await anonymous(baseURL!.replace("localhost", "[::1]"));
    expect((await overV4.get("/api/v1/me", { headers: bearer(v4.key) })).status()).toBe(200);
    expect((await overV6.get("/api/v1/me", { headers: bearer(v6.key) })).status()).toBe(200);
    const denied = await overV6.get("/api/v1/me", { headers: bearer(v4.key) });
    expect(denied.status()).toBe(403);
    expect((await denied.json()).error.code).toBe("FORBIDDEN");
    expect((await overV4.get("/api/v1/me", { headers: bearer(v6.key) })).status()).toBe(403);
  });

  test("expiry: presets and a custom date; past dates and both at once are refused", async ({ baseURL }) => {
    const owner = await signUpWithWorkspace(baseURL!);
    const in3days = new Date(Date.now() + 3 * 86400_000).toISOString();
    const soon = await createKey(owner.api, { name: "Custom expiry", expiresAt: in3days });
    expect(soon).toMatchObject({ expiresAt: in3days, status: "expiring_soon" });
    const year = await createKey(owner.api, { name: "A year", expiresIn: "1y" });
    expect(new Date(String(year.expiresAt)).getUTCFullYear()).toBe(new Date().getUTCFullYear() + 1);
    const never = await createKey(owner.api, { name: "Forever", expiresIn: "never" });
    expect(never.expiresAt).toBeNull();

    const past = await owner.api.post("/api/v1/keys", { data: { name: "Past", expiresAt: "2020-01-01T00:00:00Z" } });
    expect(past.status()).toBe(400);
    expect((await past.json()).error.details.issues[0].field).toBe("expiresAt");
    const both = await owner.api.post("/api/v1/keys", { data: { name: "Both", expiresIn: "15d", expiresAt: in3days } });
    expect(both.status()).toBe(400);
  });

  test("list: filter by status, environment and creator, search by name, sort, and paginate with a cursor", async ({
    baseURL,
  }) => {
    const owner = await signUpWithWorkspace(baseURL!);
    const names = ["alpha live", "bravo test", "charlie live", "delta test", "echo live", "foxtrot live"];
    const keys = [];
    for (const name of names) {
      keys.push(await createKey(owner.api, { name, environment: name.endsWith("test") ? "test" : "live" }));
    }
    await json(await owner.api.delete(`/api/v1/keys/${keys[0].id}`), 200);
    await json(await owner.api.post(`/api/v1/keys/${keys[2].id}/rotate`, { data: { gracePeriod: "1d" } }), 201);

    const list = async (query: string) =>
      (await json(await owner.api.get(`/api/v1/keys?${query}`), 200)) as {
        data: { name: string; status: string }[];
        nextCursor: string | null;
      };

    expect((await list("environment=test")).data.map((k) => k.name)).toEqual(["delta test", "bravo test"]);
    expect((await list("status=revoked")).data.map((k) => k.name)).toEqual(["alpha live"]);
    expect((await list("status=in_grace")).data.map((k) => k.name)).toEqual(["charlie live"]);
    expect((await list("status=active,in_grace&environment=live&sort=name&order=asc")).data.map((k) => k.name)).toEqual(
      ["charlie live", "charlie live", "echo live", "foxtrot live"],
    );
    expect((await list("search=ECHO")).data.map((k) => k.name)).toEqual(["echo live"]);
    expect((await list(`creator=${owner.userId}`)).data).toHaveLength(7);
    expect((await list("creator=someone-else")).data).toHaveLength(0);

    // Cursor pagination visits every key once, in order.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(`sort=name&order=desc&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((k) => k.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...names, "charlie live"].sort().reverse());
    expect((await owner.api.get("/api/v1/keys?cursor=garbage")).status()).toBe(400);
  });

  test("you can't mint a key with a key, unless the workspace allows it and the key holds keys.write", async ({
    baseURL,
  }) => {
    const owner = await signUpWithWorkspace(baseURL!);
    const machine = await anonymous(baseURL!);
    const writer = await createKey(owner.api, { name: "Writer", scopes: ["keys.read", "keys.write"] });
    const reader = await createKey(owner.api, { name: "Reader", scopes: ["keys.read"] });

    const refused = await machine.post("/api/v1/keys", { headers: bearer(writer.key), data: { name: "Minted" } });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.message).toContain("can't mint a key with a key");

    await json(await owner.api.patch("/api/v1/workspace", { data: { allowKeyMinting: true } }), 200);
    const minted = await json(
      await machine.post("/api/v1/keys", {
        headers: bearer(writer.key),
        data: { name: "Minted", scopes: ["keys.read"] },
      }),
      201,
    );
    expect(minted.scopes).toEqual(["keys.read"]);
    // A key cannot grant more than it holds, and a key without keys.write cannot mint at all.
    expect(
      (
        await machine.post("/api/v1/keys", {
          headers: bearer(writer.key),
          data: { name: "Escalate", scopes: ["members.write"] },
        })
      ).status(),
    ).toBe(403);
    expect((await machine.post("/api/v1/keys", { headers: bearer(reader.key), data: { name: "Nope" } })).status()).toBe(
      403,
    );
    const audit = await json(await owner.api.get(`/api/v1/audit?targetId=${minted.id}`), 200);
    expect(audit.data[0].actor).toMatchObject({ type: "key", id: writer.id, label: "Writer" });
  });

  test("last used: time, IP and user agent are recorded when a key is used", async ({ baseURL }) => {
    const owner = await signUpWithWorkspace(baseURL!);
    const machine = await anonymous(baseURL!);
    const key = await createKey(owner.api, { name: "Used" });
    expect(key.lastUsedAt).toBeNull();
    await verify(machine, { key: key.key, ip: "203.0.113.9" });
    await machine.get("/api/v1/me", { headers: { ...bearer(key.key), "user-agent": "billing-service/1.2" } });
    await expect
      .poll(async () => (await json(await owner.api.get(`/api/v1/keys/${key.id}`), 200)).lastUsedUserAgent, {
        timeout: 5000,
      })
      .toBe("billing-service/1.2");
    const seen = await json(await owner.api.get(`/api/v1/keys/${key.id}`), 200);
    expect(seen.lastUsedIp).toBe("127.0.0.1");
    expect(Date.now() - new Date(seen.lastUsedAt).getTime()).toBeLessThan(10_000);
  });
});
