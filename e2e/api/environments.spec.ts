import { anonymous, bearer, createKey, json, signUpWithWorkspace, verify } from "../support/api";
import { expect, test } from "../support/test";

/**
 * Issue 19: a workspace keeps its own environments (tmmate's `sk_prod_…`), keys are created in
 * one of them and carry it in the prefix, and an environment keys still use cannot be removed.
 */
const FAST = "/api/v1/keys/verify";
const NEXT = "/api/v1/keys/verify?via=next"; // the same handler, reached through Next

test.describe("API: environments per workspace", () => {
  test("a workspace's own environments: keys carry theirs, others are refused, removal waits for revocation", async ({
    baseURL,
  }) => {
    const owner = await signUpWithWorkspace(baseURL!, "acme");
    const machine = await anonymous(baseURL!);
    const settings = await json(await owner.api.get("/api/v1/workspace"), 200);
    expect(settings.environments).toEqual(["live", "test"]);

    // Today's default: a key without an environment goes in live, the first.
    const old = await createKey(owner.api, { name: "Before the change" });
    expect(old.key).toMatch(/^acme_live_[0-9A-Za-z]{38}$/);
    expect(old.environment).toBe("live");

    // live is still used by that key: dropping it is refused with the count, and nothing changes.
    const blocked = await owner.api.patch("/api/v1/workspace", { data: { environments: ["prod", "staging"] } });
    expect(blocked.status()).toBe(409);
    expect(await blocked.json()).toMatchObject({
      error: {
        code: "CONFLICT",
        message: '1 key still uses "live": revoke it first',
        details: { issues: [{ field: "environments", message: '1 key still uses "live": revoke it first' }] },
      },
    });
    expect((await json(await owner.api.get("/api/v1/workspace"), 200)).environments).toEqual(["live", "test"]);

    await json(await owner.api.delete(`/api/v1/keys/${old.id}`), 200);
    const saved = await json(
      await owner.api.patch("/api/v1/workspace", { data: { environments: ["prod", "staging"] } }),
      200,
    );
    expect(saved.environments).toEqual(["prod", "staging"]);
    const audit = await json(await owner.api.get("/api/v1/audit?action=workspace.settings_changed"), 200);
    expect(audit.data[0].metadata).toEqual({ environments: { from: ["live", "test"], to: ["prod", "staging"] } });
    // The old live key was revoked, not changed: it still says so.
    expect(await verify(machine, { key: old.key })).toMatchObject({ code: "REVOKED", environment: "live" });

    // A key in staging carries it and verifies as staging, on both paths.
    const staging = await createKey(owner.api, { name: "Staging backend", environment: "staging" });
    expect(staging.key.startsWith("acme_staging_")).toBe(true);
    expect(staging.maskedKey).toMatch(/^acme_staging_/);
    for (const path of [FAST, NEXT]) {
      expect(await json(await machine.post(path, { data: { key: staging.key } }), 200)).toMatchObject({
        valid: true,
        code: "VALID",
        keyId: staging.id,
        environment: "staging",
      });
    }
    // Without one, the first of the list.
    const prod = await createKey(owner.api, { name: "Production backend" });
    expect(prod.key.startsWith("acme_prod_")).toBe(true);

    // live is no longer one of them: a 400 naming the field and the environments there are.
    const refused = await owner.api.post("/api/v1/keys", { data: { name: "Live again", environment: "live" } });
    expect(refused.status()).toBe(400);
    const refusal = await refused.json();
    expect(refusal.error.code).toBe("VALIDATION_FAILED");
    expect(refusal.error.details.issues).toEqual([
      { field: "environment", message: `"live" is not one of this workspace's environments: "prod", "staging"` },
    ]);
    // Not a name at all: the schema says so before the workspace is asked.
    const malformed = await owner.api.post("/api/v1/keys", { data: { name: "Shouting", environment: "PROD" } });
    expect(malformed.status()).toBe(400);
    expect((await malformed.json()).error.details.issues[0].field).toBe("environment");

    // The list filters by a custom environment.
    const listed = await json(await owner.api.get("/api/v1/keys?environment=staging"), 200);
    expect(listed.data.map((key: { id: string }) => key.id)).toEqual([staging.id]);

    // Two keys in staging, one of them rotated: the replacement uses staging too; the rotated-out
    // key (grace 0) can never verify again and does not count.
    const second = await createKey(owner.api, { name: "Staging worker", environment: "staging" });
    const rotated = await json(
      await owner.api.post(`/api/v1/keys/${second.id}/rotate`, { data: { gracePeriod: "0" } }),
      201,
    );
    expect(rotated.key.startsWith("acme_staging_")).toBe(true);
    const inUse = await owner.api.patch("/api/v1/workspace", { data: { environments: ["prod"] } });
    expect(inUse.status()).toBe(409);
    const conflict = await inUse.json();
    expect(conflict.error.message).toBe('2 keys still use "staging": revoke them first');
    expect(conflict.error.details.issues[0].field).toBe("environments");

    // Revoked, they no longer hold it: removal succeeds, and staging is refused from then on.
    await json(await owner.api.delete(`/api/v1/keys/${staging.id}`), 200);
    await json(await owner.api.delete(`/api/v1/keys/${rotated.id}`), 200);
    expect(
      (await json(await owner.api.patch("/api/v1/workspace", { data: { environments: ["prod"] } }), 200)).environments,
    ).toEqual(["prod"]);
    const gone = await owner.api.post("/api/v1/keys", { data: { name: "Staging again", environment: "staging" } });
    expect(gone.status()).toBe(400);
    expect((await gone.json()).error.details.issues[0].field).toBe("environment");
    // The prod key is untouched by all this.
    expect(await verify(machine, { key: prod.key })).toMatchObject({ valid: true, environment: "prod" });
  });

  test("a key reads the new list at once, and creates in it with keys.write", async ({ baseURL }) => {
    const owner = await signUpWithWorkspace(baseURL!);
    const machine = await anonymous(baseURL!);
    await json(await owner.api.patch("/api/v1/workspace", { data: { allowKeyMinting: true } }), 200);
    const automation = await createKey(owner.api, {
      name: "Automation",
      scopes: ["keys.write", "keys.read", "workspace.read"],
    });
    expect(
      (await json(await machine.get("/api/v1/workspace", { headers: bearer(automation.key) }), 200)).environments,
    ).toEqual(["live", "test"]);

    await json(await owner.api.patch("/api/v1/workspace", { data: { environments: ["live", "test", "qa"] } }), 200);
    expect(
      (await json(await machine.get("/api/v1/workspace", { headers: bearer(automation.key) }), 200)).environments,
    ).toEqual(["live", "test", "qa"]);
    const qa = await json(
      await machine.post("/api/v1/keys", {
        headers: bearer(automation.key),
        data: { name: "QA runner", environment: "qa" },
      }),
      201,
    );
    expect(qa.key.startsWith("sk_qa_")).toBe(true);
    expect(await verify(machine, { key: qa.key })).toMatchObject({ valid: true, environment: "qa" });
    const refused = await machine.post("/api/v1/keys", {
      headers: bearer(automation.key),
      data: { name: "Prod runner", environment: "prod" },
    });
    expect(refused.status()).toBe(400);
    expect((await refused.json()).error.details.issues[0]).toEqual({
      field: "environment",
      message: `"prod" is not one of this workspace's environments: "live", "test", "qa"`,
    });
  });

  test("invalid lists are a 400 naming environments, and change nothing", async ({ baseURL }) => {
    const owner = await signUpWithWorkspace(baseURL!);
    const cases: [unknown, string][] = [
      [["aa", "bb", "cc", "dd", "ee", "ff"], "At most 5 environments"],
      [["Prod"], "Environments are 2–10 lowercase letters, e.g. prod"],
      [["a"], "Environments are 2–10 lowercase letters, e.g. prod"],
      [["production1"], "Environments are 2–10 lowercase letters, e.g. prod"],
      [["prod", "prod"], "Each environment once"],
      [[], "Keep at least one environment"],
      ["prod", "Invalid input: expected array, received string"],
    ];
    for (const [environments, message] of cases) {
      const response = await owner.api.patch("/api/v1/workspace", { data: { environments } });
      expect(response.status(), JSON.stringify(environments)).toBe(400);
      const [issue] = (await response.json()).error.details.issues;
      expect(issue.field, JSON.stringify(environments)).toMatch(/^environments(\.\d+)?$/);
      expect(issue.message).toBe(message);
    }
    expect((await json(await owner.api.get("/api/v1/workspace"), 200)).environments).toEqual(["live", "test"]);
  });
});
