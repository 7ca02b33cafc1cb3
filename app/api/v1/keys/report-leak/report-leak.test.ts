import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  createWorkspaceAs,
  type InProcess,
  signUpCookie,
  startInProcess,
} from "@/app/api/v1/_testing/in-process";
import { GET as listAudit } from "@/app/api/v1/audit/route";
import { POST as rotate } from "@/app/api/v1/keys/[id]/rotate/route";
import { GET as getKey } from "@/app/api/v1/keys/[id]/route";
import { POST as reportLeak } from "@/app/api/v1/keys/report-leak/route";
import { POST as createKey } from "@/app/api/v1/keys/route";
import { POST as verify } from "@/app/api/v1/keys/verify/route";

const DAY = 24 * 60 * 60_000;

describe("leak reports of keys whose life depends on time, with an injected clock", () => {
  let env: InProcess;
  let cookie: string;

  beforeAll(async () => {
    env = await startInProcess();
    cookie = await signUpCookie(env.runtime);
    await createWorkspaceAs(cookie, { name: "Leaky clock", slug: "leaky-clock", keyPrefix: "lc" });
  });
  afterAll(async () => env.runtime.close());

  const verifyKey = async (key: string) => (await call(verify, "POST", "/api/v1/keys/verify", { body: { key } })).body;
  const leakedEvents = async (id: string) =>
    (await call(listAudit, "GET", `/api/v1/audit?action=key.leaked&targetId=${id}`, { cookie })).body.data;
  const report = (key: string) =>
    call(reportLeak, "POST", "/api/v1/keys/report-leak", { body: { keys: [key], source: "clock test" } });

  it("an expired key is no longer live: the report changes nothing and records nothing", async () => {
    const key = await call(createKey, "POST", "/api/v1/keys", { cookie, body: { name: "Short", expiresIn: "15d" } });
    env.advance(16 * DAY);
    expect(await verifyKey(key.body.key)).toMatchObject({ code: "EXPIRED" });
    expect(await report(key.body.key)).toEqual({ status: 202, body: { received: 1 } });
    const row = await call(getKey, "GET", `/api/v1/keys/${key.body.id}`, { cookie, params: { id: key.body.id } });
    expect(row.body.status).toBe("expired");
    expect(await leakedEvents(key.body.id)).toEqual([]);
  });

  it("a rotated key still in its grace works, so it counts: revoked at once; its replacement is not touched", async () => {
    const old = await call(createKey, "POST", "/api/v1/keys", { cookie, body: { name: "Rotated", expiresIn: "90d" } });
    const rotated = await call(rotate, "POST", `/api/v1/keys/${old.body.id}/rotate`, {
      cookie,
      body: { gracePeriod: "24h" },
      params: { id: old.body.id },
    });
    expect(rotated.status).toBe(201);
    env.advance(60 * 60_000);
    expect(await verifyKey(old.body.key)).toMatchObject({ code: "VALID" });
    expect(await report(old.body.key)).toEqual({ status: 202, body: { received: 1 } });
    expect(await verifyKey(old.body.key)).toMatchObject({ code: "REVOKED" });
    expect(await verifyKey(rotated.body.key)).toMatchObject({ code: "VALID" });
    const [event] = await leakedEvents(old.body.id);
    expect(event.metadata).toEqual({ name: "Rotated", source: "clock test", url: null, response: "revoked" });
  });
});
