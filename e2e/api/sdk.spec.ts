import { Keysmith, KeysmithError, type VerifyResult } from "@keysmith/sdk";
import { createKey } from "../support/api";
import { ADMIN_SCOPES, sdkWorkspace } from "../support/sdk";
import { expect, test } from "../support/test";

// @keysmith/sdk (packages/sdk, built to dist/) against the started Keysmith.
test.describe("SDK: the client against Keysmith", () => {
  test("verify: a valid key is data, and so are unknown, revoked and under-scoped keys", async ({ baseURL }) => {
    const { owner, keysmith } = await sdkWorkspace(baseURL!);
    const reader = await createKey(owner.api, { name: "Reader", scopes: ["keys.read"], environment: "test" });

    const valid: VerifyResult = await keysmith.keys.verify({ key: reader.key });
    expect(valid).toEqual({
      valid: true,
      code: "VALID",
      keyId: reader.id,
      workspaceId: owner.workspace.id,
      environment: "test",
      scopes: ["keys.read"],
      expiresAt: null,
      role: "owner",
      reason: null,
      organizationId: owner.workspace.organizationId,
      scope: "workspace",
    });
    expect(await keysmith.keys.verify({ key: reader.key, requiredScopes: ["audit.read"] })).toMatchObject({
      valid: false,
      code: "INSUFFICIENT_SCOPE",
      keyId: reader.id,
    });
    // A well-formed key nobody created, and one that is not a key at all.
    const unknown = `${reader.key.slice(0, -10)}AAAAAAAAAA`;
    expect((await keysmith.keys.verify({ key: unknown })).code).toMatch(/^(NOT_FOUND|MALFORMED)$/);
    expect(await keysmith.keys.verify({ key: "sk_live_nope" })).toMatchObject({ valid: false, code: "MALFORMED" });

    await keysmith.keys.revoke(reader.id);
    expect(await keysmith.keys.verify({ key: reader.key })).toMatchObject({ valid: false, code: "REVOKED" });

    // Without an API key the client still verifies (the key under test is the credential).
    const anonymous = new Keysmith({ baseUrl: baseURL! });
    expect(await anonymous.keys.verify({ key: reader.key })).toMatchObject({ valid: false, code: "REVOKED" });
  });

  test("keys: create, get, list, update, rotate, revoke; me()", async ({ baseURL }) => {
    const { owner, keysmith } = await sdkWorkspace(baseURL!);

    const me = await keysmith.me();
    expect(me).toMatchObject({ type: "key", workspace: { id: owner.workspace.id }, role: "owner" });
    expect(me.key?.name).toBe("SDK admin");
    expect(me.scopes.sort()).toEqual([...ADMIN_SCOPES].sort());

    const created = await keysmith.keys.create({ name: "Billing", scopes: ["keys.read"], expiresIn: "90d" });
    expect(created.key).toMatch(/^sk_live_/);
    expect(created).toMatchObject({
      name: "Billing",
      environment: "live",
      status: "active",
      workspaceId: owner.workspace.id,
    });
    expect((await keysmith.keys.verify({ key: created.key })).valid).toBe(true);

    const read = await keysmith.keys.get(created.id);
    expect(read).toMatchObject({ id: created.id, name: "Billing", maskedKey: created.maskedKey });
    expect(read).not.toHaveProperty("key");

    const updated = await keysmith.keys.update(created.id, { name: "Billing v2", description: "Invoices" });
    expect(updated).toMatchObject({ name: "Billing v2", description: "Invoices" });

    const list = await keysmith.keys.list({ search: "Billing", status: ["active", "expiring_soon"] });
    expect(list.data.map((key) => key.id)).toEqual([created.id]);

    const rotated = await keysmith.keys.rotate(created.id, { gracePeriod: "1h" });
    expect(rotated.key).not.toBe(created.key);
    expect(rotated.previous).toMatchObject({ id: created.id, status: "in_grace", replacedById: rotated.id });
    expect((await keysmith.keys.verify({ key: rotated.key })).valid).toBe(true);

    const revoked = await keysmith.keys.revoke(rotated.id);
    expect(revoked).toMatchObject({ id: rotated.id, status: "revoked" });
    expect(await keysmith.keys.verify({ key: rotated.key })).toMatchObject({ code: "REVOKED" });
  });

  test("iterators walk every cursor page of keys and of the audit log", async ({ baseURL }) => {
    const { keysmith } = await sdkWorkspace(baseURL!);
    for (const name of ["Iter one", "Iter two", "Iter three", "Iter four", "Iter five"]) {
      await keysmith.keys.create({ name, environment: "test" });
    }
    const walked: string[] = [];
    for await (const key of keysmith.keys.iterate({ environment: "test", limit: 2, sort: "name", order: "asc" })) {
      walked.push(key.name);
    }
    expect(walked).toEqual(["Iter five", "Iter four", "Iter one", "Iter three", "Iter two"]);

    const events: string[] = [];
    for await (const event of keysmith.audit.iterate({ action: "key.created", limit: 2 })) events.push(event.id);
    const onePage = await keysmith.audit.list({ action: "key.created", limit: 200 });
    expect(onePage.nextCursor).toBeNull();
    // Five created here, plus the admin key: several pages of two, in the same order as one big page.
    expect(events).toHaveLength(6);
    expect(events).toEqual(onePage.data.map((event) => event.id));
    expect(onePage.data.every((event) => event.action === "key.created")).toBe(true);

    const since = await keysmith.audit.list({ from: new Date(Date.now() + 60_000) });
    expect(since.data).toEqual([]);
  });

  test("errors are KeysmithErrors with the API's code, status, message and details", async ({ baseURL }) => {
    const { keysmith } = await sdkWorkspace(baseURL!);

    const missing = await keysmith.keys.get("key_doesnotexist0000000000").catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(KeysmithError);
    expect(missing).toMatchObject({ code: "NOT_FOUND", status: 404 });

    const invalid = await keysmith.keys.create({ name: "ab" }).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(KeysmithError);
    expect(invalid).toMatchObject({
      code: "VALIDATION_FAILED",
      status: 400,
      details: { issues: [{ field: "name", message: "Use at least 3 characters" }] },
    });
    expect((invalid as Error).message).toBe("name: Use at least 3 characters");

    const stranger = new Keysmith({ baseUrl: baseURL!, apiKey: "sk_live_notarealkeyatall" });
    await expect(stranger.me()).rejects.toMatchObject({ name: "KeysmithError", code: "UNAUTHORIZED", status: 401 });
  });
});
