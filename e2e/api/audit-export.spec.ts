import { AUDIT_CSV_COLUMNS } from "../../lib/audit/export";
import { anonymous, bearer, createKey, json, signUpWithWorkspace } from "../support/api";
import { csvRecords, parseCsv } from "../support/csv";
import { expect, test } from "../support/test";

// The header row is the export's contract; its one source is the exporter's own column list.
const COLUMNS = [...AUDIT_CSV_COLUMNS];

test.describe("API: audit CSV export", () => {
  test("exports every event matching the filters, safely escaped, as an attachment", async ({ baseURL }) => {
    const owner = await signUpWithWorkspace(baseURL!);
    const machine = await anonymous(baseURL!);
    const billing = await createKey(owner.api, { name: "Billing, prod" });
    const formula = await createKey(owner.api, { name: "=HYPERLINK(1)" });
    await json(await owner.api.patch(`/api/v1/keys/${billing.id}`, { data: { description: 'Say "hi"' } }), 200);
    const robot = await createKey(owner.api, { name: "Robot", scopes: ["keys.read", "keys.write", "audit.read"] });
    await json(
      await machine.delete(`/api/v1/keys/${formula.id}`, { headers: { ...bearer(robot.key), "user-agent": "bot/1" } }),
      200,
    );

    const response = await owner.api.get("/api/v1/audit/export");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers()["content-disposition"]).toMatch(
      new RegExp(`^attachment; filename="keysmith-audit-${owner.workspace.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`),
    );
    const text = await response.text();
    expect(parseCsv(text)[0]).toEqual(COLUMNS);
    const all = csvRecords(text);
    // workspace.created, 3 × key.created, key.updated, key.revoked; newest first, as the list API.
    expect(all.map((row) => row.action)).toEqual([
      "key.revoked",
      "key.created",
      "key.updated",
      "key.created",
      "key.created",
      "workspace.created",
    ]);
    const listed = await json(await owner.api.get("/api/v1/audit?limit=200"), 200);
    expect(all.map((row) => row.time)).toEqual(listed.data.map((e: { createdAt: string }) => e.createdAt));

    const created = all.find((row) => row.action === "key.created" && row.target_id === billing.id);
    expect(created).toMatchObject({
      actor_type: "user",
      actor_id: owner.userId,
      actor_name: owner.name,
      actor_email: owner.email,
      target_type: "key",
      target_name: "Billing, prod",
    });
    expect(JSON.parse(created?.details ?? "")).toMatchObject({ name: "Billing, prod", environment: "live" });
    // A name that a spreadsheet would run as a formula is written as text.
    expect(text).toContain("'=HYPERLINK(1)");
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(all.find((row) => row.action === "key.revoked")).toMatchObject({
      actor_type: "key",
      actor_id: robot.id,
      actor_name: "Robot",
      actor_email: "",
      target_name: "'=HYPERLINK(1)",
      ip: "127.0.0.1",
      user_agent: "bot/1",
    });

    // Filters are the list's filters.
    const byAction = csvRecords(await (await owner.api.get("/api/v1/audit/export?action=key.created")).text());
    expect(byAction).toHaveLength(3);
    expect(new Set(byAction.map((row) => row.action))).toEqual(new Set(["key.created"]));
    const byKey = csvRecords(await (await owner.api.get(`/api/v1/audit/export?targetId=${billing.id}`)).text());
    expect(byKey.map((row) => row.action)).toEqual(["key.updated", "key.created"]);
    const byActor = csvRecords(
      await (await owner.api.get(`/api/v1/audit/export?actorType=key&actorId=${robot.id}`)).text(),
    );
    expect(byActor.map((row) => row.action)).toEqual(["key.revoked"]);
    const future = new Date(Date.now() + 60_000).toISOString();
    const none = await (await owner.api.get(`/api/v1/audit/export?from=${encodeURIComponent(future)}`)).text();
    expect(parseCsv(none)).toEqual([COLUMNS]);

    // An API key with audit.read may export too.
    const viaKey = await machine.get("/api/v1/audit/export?action=key.revoked", { headers: bearer(robot.key) });
    expect(viaKey.status()).toBe(200);
    expect(csvRecords(await viaKey.text())).toHaveLength(1);
  });

  test("?workspace= picks the workspace for a download link; only a member's own", async ({ baseURL }) => {
    const owner = await signUpWithWorkspace(baseURL!);
    const second = await json(
      await owner.api.post("/api/v1/workspaces", {
        data: { name: "Second", slug: `second-${owner.workspace.slug}`, keyPrefix: "sc" },
      }),
      201,
    );
    await json(
      await owner.api.post("/api/v1/keys", {
        headers: { "x-workspace-id": owner.workspace.id },
        data: { name: "First only" },
      }),
      201,
    );
    const inSecond = await json(
      await owner.api.post("/api/v1/keys", {
        headers: { "x-workspace-id": second.id },
        data: { name: "Second only" },
      }),
      201,
    );
    const exported = csvRecords(
      await (await owner.api.get(`/api/v1/audit/export?workspace=${second.slug}&action=key.created`)).text(),
    );
    expect(exported.map((row) => row.target_id)).toEqual([inSecond.id]);

    const stranger = await signUpWithWorkspace(baseURL!);
    const refused = await stranger.api.get(`/api/v1/audit/export?workspace=${owner.workspace.slug}`);
    expect(refused.status()).toBe(403);
  });

  test("403 without audit.read, 401 without a credential, 400 naming the bad parameter", async ({ baseURL }) => {
    const owner = await signUpWithWorkspace(baseURL!);
    const machine = await anonymous(baseURL!);
    const reader = await createKey(owner.api, { name: "Keys only", scopes: ["keys.read"] });

    const forbidden = await machine.get("/api/v1/audit/export", { headers: bearer(reader.key) });
    expect(forbidden.status()).toBe(403);
    expect(await forbidden.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
    expect((await machine.get("/api/v1/audit/export")).status()).toBe(401);

    const bad: [string, string][] = [
      ["action=key.exploded", "action"],
      ["actorType=robot", "actorType"],
      ["from=yesterday", "from"],
      ["from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z", "to"],
      ["cursor=abc", "cursor"],
      [`targetId=${"x".repeat(65)}`, "targetId"],
    ];
    for (const [query, field] of bad) {
      const response = await owner.api.get(`/api/v1/audit/export?${query}`);
      expect(response.status(), query).toBe(400);
      const body = await response.json();
      expect(body.error.code, query).toBe("VALIDATION_FAILED");
      expect(
        body.error.details.issues.map((issue: { field: string }) => issue.field),
        query,
      ).toContain(field);
    }
  });
});
