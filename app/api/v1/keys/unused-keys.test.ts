import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  createWorkspaceAs,
  type InProcess,
  signUpCookie,
  startInProcess,
} from "@/app/api/v1/_testing/in-process";
import { GET as listAudit } from "@/app/api/v1/audit/route";
import { PATCH as updateKey } from "@/app/api/v1/keys/[id]/route";
import { GET as hygiene } from "@/app/api/v1/keys/hygiene/route";
import { POST as createKey } from "@/app/api/v1/keys/route";
import { POST as verify } from "@/app/api/v1/keys/verify/route";
import { GET as getMe } from "@/app/api/v1/me/route";
import { PATCH as updateWorkspace } from "@/app/api/v1/workspace/route";
import { sweepKeys } from "@/lib/keys/key-sweeper";

/**
 * The "disable unused keys" policy with an injected clock: a key nobody used for N days (never
 * used: since it was created) is disabled by the sweep, once, with one audit event; a key in use
 * stays enabled until it too goes quiet; workspaces without the policy are left alone. The
 * hygiene report's 30- and 90-day findings move with the same clock.
 */
const DAY = 24 * 60 * 60 * 1000;

describe("disabling unused keys", () => {
  let env: InProcess;
  let cookie: string;
  let otherCookie: string;
  const keys: Record<string, { id: string; key: string }> = {};

  const sweep = () => sweepKeys(env.runtime.database.db, env.now());
  const verifyKey = async (key: string) => (await call(verify, "POST", "/api/v1/keys/verify", { body: { key } })).body;
  /** A call made with the key, as a service would: its use reaches the database on the flush. */
  const use = async (key: string) => {
    const me = await call(getMe, "GET", "/api/v1/me", { headers: { authorization: `Bearer ${key}` } });
    expect(me.status).toBe(200);
    await env.runtime.usage.flush();
  };
  const trail = async (id: string, as = cookie) =>
    (await call(listAudit, "GET", `/api/v1/audit?targetId=${id}`, { cookie: as })).body.data as {
      action: string;
      actor: { type: string };
      metadata: Record<string, unknown>;
    }[];
  const findings = async () => {
    const res = await call(hygiene, "GET", "/api/v1/keys/hygiene", { cookie });
    expect(res.status).toBe(200);
    return Object.fromEntries(
      (res.body.data as { name: string; findings: string[] }[]).map((k) => [k.name, k.findings]),
    );
  };

  beforeAll(async () => {
    process.env.KEYSMITH_EXPIRY_SWEEP_MS = String(60 * 60 * 1000);
    env = await startInProcess();
    cookie = await signUpCookie(env.runtime);
    otherCookie = await signUpCookie(env.runtime);
    for (const [who, slug] of [
      [cookie, "tidy"],
      [otherCookie, "untidy"],
    ] as const) {
      await createWorkspaceAs(who, { name: slug, slug, keyPrefix: slug.slice(0, 4) });
    }
    const policy = await call(updateWorkspace, "PATCH", "/api/v1/workspace", {
      cookie,
      body: { disableUnusedKeysAfterDays: 30 },
    });
    expect(policy).toMatchObject({ status: 200, body: { disableUnusedKeysAfterDays: 30, maxKeyLifetimeDays: null } });
    for (const [name, who] of [
      ["Never used", cookie],
      ["Busy", cookie],
      ["Elsewhere", otherCookie],
    ] as const) {
      const created = await call(createKey, "POST", "/api/v1/keys", {
        cookie: who,
        body: { name, environment: "test", scopes: ["keys.read"] },
      });
      expect(created.status).toBe(201);
      keys[name] = created.body;
    }
  });
  afterAll(async () => env?.runtime.close());

  it("leaves keys alone before the policy's days have passed", async () => {
    env.advance(20 * DAY);
    await use(keys.Busy.key);
    env.advance(9 * DAY);
    await sweep();
    expect(await verifyKey(keys["Never used"].key)).toMatchObject({ valid: true });
    expect((await trail(keys["Never used"].id)).map((e) => e.action)).toEqual(["key.created"]);
  });

  it("disables a key never used 30 days after its creation, once, even with two sweeps at once", async () => {
    env.advance(DAY + 60_000);
    await Promise.all([sweep(), sweep()]);
    await sweep();
    expect(await verifyKey(keys["Never used"].key)).toMatchObject({ valid: false, code: "DISABLED" });
    const events = await trail(keys["Never used"].id);
    expect(events.map((e) => e.action)).toEqual(["key.updated", "key.created"]);
    expect(events[0]).toMatchObject({
      actor: { type: "key" },
      metadata: { changed: ["enabled"], enabled: false, reason: "unused", unusedDays: 30, neverUsed: true },
    });
    // The key used on day 20, and the other workspace's key (no policy there), still work.
    expect(await verifyKey(keys.Busy.key)).toMatchObject({ valid: true });
    expect(await verifyKey(keys.Elsewhere.key)).toMatchObject({ valid: true });
  });

  it("a key switched back on by hand gets its days again: the next sweep leaves it on", async () => {
    const id = keys["Never used"].id;
    const enabled = await call(updateKey, "PATCH", `/api/v1/keys/${id}`, {
      cookie,
      body: { enabled: true },
      params: { id },
    });
    expect(enabled).toMatchObject({ status: 200, body: { enabled: true } });
    await sweep();
    expect(await verifyKey(keys["Never used"].key)).toMatchObject({ valid: true });
  });

  it("the hygiene report: unused for 30 days once a used key goes quiet that long", async () => {
    env.advance(19 * DAY);
    expect(await findings()).toMatchObject({
      "Never used": ["never_used", "never_expires"],
      Busy: ["never_expires"],
    });
    env.advance(DAY + 60_000);
    expect((await findings()).Busy).toEqual(["unused_30d", "never_expires"]);
  });

  it("disables the used key 30 days after its last use; the policy never reaches another workspace", async () => {
    await sweep();
    expect(await verifyKey(keys.Busy.key)).toMatchObject({ valid: false, code: "DISABLED" });
    const events = await trail(keys.Busy.id);
    expect(events[0]).toMatchObject({ action: "key.updated", metadata: { reason: "unused", neverUsed: false } });
    // Switched back on 20 days ago: still on.
    expect(await verifyKey(keys["Never used"].key)).toMatchObject({ valid: true });
    env.advance(60 * DAY);
    await sweep();
    expect((await findings()).Busy).toEqual(["unused_30d", "unused_90d", "never_expires"]);
    // 30 days after it was switched back on, off again: a second event.
    expect(await verifyKey(keys["Never used"].key)).toMatchObject({ valid: false, code: "DISABLED" });
    expect((await trail(keys["Never used"].id)).map((e) => e.action)).toEqual([
      "key.updated",
      "key.updated",
      "key.updated",
      "key.created",
    ]);
    expect(await verifyKey(keys.Elsewhere.key)).toMatchObject({ valid: true });
    expect((await trail(keys.Elsewhere.id, otherCookie)).map((e) => e.action)).toEqual(["key.created"]);
  });
});
