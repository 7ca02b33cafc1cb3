import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  createWorkspaceAs,
  type InProcess,
  signUpCookie,
  startInProcess,
} from "@/app/api/v1/_testing/in-process";
import { POST as rotate } from "@/app/api/v1/keys/[id]/rotate/route";
import { GET as getKey } from "@/app/api/v1/keys/[id]/route";
import { POST as createKey } from "@/app/api/v1/keys/route";
import { POST as verify } from "@/app/api/v1/keys/verify/route";
import { GET as getMe } from "@/app/api/v1/me/route";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe("time-dependent key behaviour, with an injected clock", () => {
  let env: InProcess;
  let cookie: string;

  beforeAll(async () => {
    env = await startInProcess();
    cookie = await signUpCookie(env.runtime);
    await createWorkspaceAs(cookie, { name: "Clockwork", slug: "clockwork", keyPrefix: "ck" });
  });
  afterAll(async () => env.runtime.close());

  const verifyKey = async (key: string) => (await call(verify, "POST", "/api/v1/keys/verify", { body: { key } })).body;

  it("rotation grace: the old key works until the grace ends, then answers as rotated, never as expired", async () => {
    const old = await call(createKey, "POST", "/api/v1/keys", { cookie, body: { name: "Graceful", expiresIn: "90d" } });
    expect(old.status).toBe(201);
    const rotated = await call(rotate, "POST", `/api/v1/keys/${old.body.id}/rotate`, {
      cookie,
      body: { gracePeriod: "1h" },
      params: { id: old.body.id },
    });
    expect(rotated.status).toBe(201);

    env.advance(59 * MINUTE);
    expect(await verifyKey(old.body.key)).toMatchObject({ valid: true, code: "VALID" });
    const inGrace = await call(getKey, "GET", `/api/v1/keys/${old.body.id}`, { cookie, params: { id: old.body.id } });
    expect(inGrace.body.status).toBe("in_grace");

    env.advance(2 * MINUTE);
    expect(await verifyKey(old.body.key)).toMatchObject({ valid: false, code: "REVOKED", reason: "ROTATED" });
    expect(await verifyKey(rotated.body.key)).toMatchObject({ valid: true, code: "VALID" });
    const afterGrace = await call(getKey, "GET", `/api/v1/keys/${old.body.id}`, {
      cookie,
      params: { id: old.body.id },
    });
    expect(afterGrace.body.status).toBe("rotated");
  });

  it("rotation keeps the expiry date, or renews the window from the rotation; an expired key can only renew", async () => {
    const rotateWith = (id: string, body: Record<string, unknown>) =>
      call(rotate, "POST", `/api/v1/keys/${id}/rotate`, { cookie, body, params: { id } });
    const old = await call(createKey, "POST", "/api/v1/keys", { cookie, body: { name: "Dated", expiresIn: "15d" } });
    const window = Date.parse(old.body.expiresAt) - Date.parse(old.body.createdAt);

    env.advance(5 * DAY);
    const kept = await rotateWith(old.body.id, { gracePeriod: "1h" });
    expect(kept.status).toBe(201);
    expect(kept.body.expiresAt).toBe(old.body.expiresAt);
    expect(Date.parse(kept.body.previous.expiresAt) - Date.parse(kept.body.previous.rotatedAt)).toBe(60 * MINUTE);

    env.advance(DAY);
    const renewed = await rotateWith(kept.body.id, { expiry: "renew" });
    expect(renewed.status).toBe(201);
    // The full 15 days again, not the 10 that were left when the date was kept.
    expect(kept.body.expiryWindowMs).toBe(window);
    expect(Date.parse(renewed.body.expiresAt)).toBe(Date.parse(renewed.body.createdAt) + window);
    expect(Date.parse(renewed.body.expiresAt)).toBe(Date.parse(old.body.expiresAt) + 6 * DAY);

    env.advance(15 * DAY + MINUTE);
    const refused = await rotateWith(renewed.body.id, { expiry: "keep" });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/already expired.*"expiry":"renew"/);
    const revived = await rotateWith(renewed.body.id, { expiry: "renew" });
    expect(revived.status).toBe(201);
    expect(Date.parse(revived.body.expiresAt)).toBe(Date.parse(revived.body.createdAt) + window);
    expect(await verifyKey(revived.body.key)).toMatchObject({ valid: true, code: "VALID" });
  });

  it("expiry: active → expiring soon (≤ 7 days) → expired (EXPIRED on verify, 401 on the API)", async () => {
    const key = await call(createKey, "POST", "/api/v1/keys", {
      cookie,
      body: { name: "Fifteen days", expiresIn: "15d" },
    });
    const status = async () =>
      (await call(getKey, "GET", `/api/v1/keys/${key.body.id}`, { cookie, params: { id: key.body.id } })).body.status;
    expect(await status()).toBe("active");

    env.advance(8 * DAY + MINUTE);
    expect(await status()).toBe("expiring_soon");
    expect(await verifyKey(key.body.key)).toMatchObject({ valid: true });
    expect(
      (await call(getMe, "GET", "/api/v1/me", { headers: { authorization: `Bearer ${key.body.key}` } })).status,
    ).toBe(200);

    env.advance(7 * DAY);
    expect(await status()).toBe("expired");
    expect(await verifyKey(key.body.key)).toMatchObject({ valid: false, code: "EXPIRED" });
    const me = await call(getMe, "GET", "/api/v1/me", { headers: { authorization: `Bearer ${key.body.key}` } });
    expect(me.status).toBe(401);
    expect(me.body.error.message).toBe("API key has expired");
  });
});
