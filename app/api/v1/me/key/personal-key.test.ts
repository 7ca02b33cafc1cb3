import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  createWorkspaceAs,
  type InProcess,
  signUpCookie,
  startInProcess,
} from "@/app/api/v1/_testing/in-process";
import { POST as verify } from "@/app/api/v1/keys/verify/route";
import { DELETE, GET, POST } from "@/app/api/v1/me/key/route";
import { POST as createWorkspace } from "@/app/api/v1/workspaces/route";
import { type Config, config } from "@/lib/config";
import { type Change, onChange } from "@/lib/events/changes";

describe("DELETE /api/v1/me/key", () => {
  let env: InProcess;
  let cookie: string;

  beforeAll(async () => {
    env = await startInProcess();
    cookie = await signUpCookie(env.runtime);
    await createWorkspaceAs(cookie, { name: "Personal", slug: "personal-revoke", keyPrefix: "pr" });
  });
  afterAll(async () => env.runtime.close());

  it("revokes at once: audited, announced on the change bus, refused by verify; GET null; POST creates a new one", async () => {
    const issued = await call(POST, "POST", "/api/v1/me/key", { cookie, body: { first: true } });
    expect(issued.status).toBe(201);
    expect(await call(verify, "POST", "/api/v1/keys/verify", { body: { key: issued.body.key } })).toMatchObject({
      body: { valid: true },
    });

    const changes: Change[] = [];
    const stop = onChange((change) => changes.push(change));
    const revoked = await call(DELETE, "DELETE", "/api/v1/me/key", { cookie });
    stop();
    expect(revoked).toMatchObject({ status: 200, body: { key: { id: issued.body.id, status: "revoked" } } });
    // The same notice as every other revocation: each instance's cache drops the key.
    expect(changes).toContainEqual({ type: "key", keyId: issued.body.id });
    const audit = await env.runtime.database.db.auditEvent.findFirst({
      where: { targetId: issued.body.id, action: "key.revoked" },
    });
    expect(audit).toMatchObject({ actorType: "user", workspaceId: null, metadata: { personal: true } });
    // Only its hash was ever stored: the secret is nowhere in the row or its audit trail.
    const row = await env.runtime.database.db.apiKey.findUniqueOrThrow({ where: { id: issued.body.id } });
    expect(JSON.stringify(row)).not.toContain(issued.body.key);
    expect(JSON.stringify(audit)).not.toContain(issued.body.key);

    expect(await call(verify, "POST", "/api/v1/keys/verify", { body: { key: issued.body.key } })).toMatchObject({
      body: { valid: false, code: "REVOKED" },
    });
    expect(await call(GET, "GET", "/api/v1/me/key", { cookie })).toMatchObject({ status: 200, body: { key: null } });
    expect((await call(DELETE, "DELETE", "/api/v1/me/key", { cookie })).status).toBe(404);
    // {first: true} never brings a revoked key back; a plain POST does.
    expect((await call(POST, "POST", "/api/v1/me/key", { cookie, body: { first: true } })).status).toBe(409);
    const again = await call(POST, "POST", "/api/v1/me/key", { cookie });
    expect(again).toMatchObject({ status: 201, body: { kind: "personal", previous: null } });
  });

  it("with KEYSMITH_PERSONAL_KEY_AT_SIGNUP=off, {first: true} is refused and issues nothing", async () => {
    const other = await signUpCookie(env.runtime);
    await call(createWorkspace, "POST", "/api/v1/workspaces", {
      cookie: other,
      body: { name: "Off", slug: "personal-off", keyPrefix: "po" },
    });
    // config() is parsed once per process: swap in a copy with the setting off, then put it back.
    const holder = globalThis as unknown as Record<symbol, Config>;
    const key = Symbol.for("keysmith.config");
    const original = config();
    holder[key] = { ...original, KEYSMITH_PERSONAL_KEY_AT_SIGNUP: false };
    try {
      const refused = await call(POST, "POST", "/api/v1/me/key", { cookie: other, body: { first: true } });
      expect(refused).toMatchObject({ status: 403, body: { error: { code: "FORBIDDEN" } } });
      expect(refused.body.error.message).toContain("KEYSMITH_PERSONAL_KEY_AT_SIGNUP=off");
      expect(await call(GET, "GET", "/api/v1/me/key", { cookie: other })).toMatchObject({ body: { key: null } });
      // The account page's own button still works.
      expect((await call(POST, "POST", "/api/v1/me/key", { cookie: other })).status).toBe(201);
    } finally {
      holder[key] = original;
    }
  });
});
