import { anonymous, bearer, createKey, json, signUpWithWorkspace, verify } from "../support/api";
import { expect, test } from "../support/test";

test.describe("API: workspace settings and the audit log", () => {
  test("settings: name, slug, key prefix and custom scopes; changes are audited", async ({ baseURL }) => {
    const owner = await signUpWithWorkspace(baseURL!, "sk");
    const other = await signUpWithWorkspace(baseURL!);
    const machine = await anonymous(baseURL!);
    expect(await json(await owner.api.get("/api/v1/workspace"), 200)).toMatchObject({
      keyPrefix: "sk",
      allowKeyMinting: false,
      customScopes: [],
    });

    const updated = await json(
      await owner.api.patch("/api/v1/workspace", {
        data: { name: "Mutagent", keyPrefix: "mt", customScopes: ["tasks.read", "tasks.write", "billing.read"] },
      }),
      200,
    );
    expect(updated).toMatchObject({
      name: "Mutagent",
      keyPrefix: "mt",
      customScopes: ["tasks.read", "tasks.write", "billing.read"],
    });
    const key = await createKey(owner.api, { name: "Task runner", scopes: ["tasks.read", "tasks.write"] });
    expect(key.key).toMatch(/^mt_live_/);
    expect(await verify(machine, { key: key.key, requiredScopes: ["tasks.write"] })).toMatchObject({ valid: true });

    // Dropping a custom scope takes it from every key at once.
    await json(await owner.api.patch("/api/v1/workspace", { data: { customScopes: ["tasks.read"] } }), 200);
    expect(await verify(machine, { key: key.key, requiredScopes: ["tasks.write"] })).toMatchObject({
      valid: false,
      code: "INSUFFICIENT_SCOPE",
    });
    expect(await verify(machine, { key: key.key })).toMatchObject({ scopes: ["tasks.read"] });

    const slugTaken = await owner.api.patch("/api/v1/workspace", { data: { slug: other.workspace.slug } });
    expect(slugTaken.status()).toBe(409);
    expect((await slugTaken.json()).error.details.issues[0].field).toBe("slug");
    const builtIn = await owner.api.patch("/api/v1/workspace", { data: { customScopes: ["keys.write"] } });
    expect(builtIn.status()).toBe(400);

    const audit = await json(await owner.api.get("/api/v1/audit?action=workspace.settings_changed"), 200);
    expect(audit.data).toHaveLength(2);
    expect(audit.data[1].metadata).toMatchObject({ keyPrefix: { from: "sk", to: "mt" }, name: { to: "Mutagent" } });
  });

  test("audit: who (user or key), what, target, IP, user agent and time; filters and cursor pagination", async ({
    baseURL,
  }) => {
    const owner = await signUpWithWorkspace(baseURL!);
    const machine = await anonymous(baseURL!);
    const admin = await createKey(owner.api, { name: "Automation", scopes: ["keys.read", "keys.write", "audit.read"] });
    const created = [];
    for (let i = 0; i < 5; i++) created.push(await createKey(owner.api, { name: `Batch ${i}` }));
    await machine.delete(`/api/v1/keys/${created[0].id}`, {
      headers: { ...bearer(admin.key), "user-agent": "cleanup-bot/2" },
    });

    const revoked = await json(
      await machine.get("/api/v1/audit?action=key.revoked", { headers: bearer(admin.key) }),
      200,
    );
    expect(revoked.data).toHaveLength(1);
    expect(revoked.data[0]).toMatchObject({
      actor: { type: "key", id: admin.id, label: "Automation" },
      action: "key.revoked",
      target: { type: "key", id: created[0].id },
      ip: "127.0.0.1",
      userAgent: "cleanup-bot/2",
    });
    const byUser = await json(
      await owner.api.get(`/api/v1/audit?actorType=user&actorId=${owner.userId}&action=key.created`),
      200,
    );
    expect(byUser.data).toHaveLength(6);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: { id: string; createdAt: string }[]; nextCursor: string | null } = await json(
        await owner.api.get(`/api/v1/audit?limit=3${cursor ? `&cursor=${cursor}` : ""}`),
        200,
      );
      seen.push(...page.data.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(8); // workspace.created + 6 key.created + 1 key.revoked
    expect(new Set(seen).size).toBe(8);

    const future = await json(
      await owner.api.get(`/api/v1/audit?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`),
      200,
    );
    expect(future.data).toHaveLength(0);
  });
});
