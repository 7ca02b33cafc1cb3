import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  createWorkspaceAs,
  type InProcess,
  signUpCookie,
  startInProcess,
} from "@/app/api/v1/_testing/in-process";
import { GET as listAudit } from "@/app/api/v1/audit/route";
import { POST as approve } from "@/app/api/v1/cli/login/approve/route";
import { POST as deny } from "@/app/api/v1/cli/login/deny/route";
import { POST as poll } from "@/app/api/v1/cli/login/poll/route";
import { POST as start } from "@/app/api/v1/cli/login/route";
import { GET as getKey } from "@/app/api/v1/keys/[id]/route";
import { GET as getMe } from "@/app/api/v1/me/route";
import { findCliLogin } from "@/lib/cli-login/service";

const MINUTE = 60_000;

describe("keysmith login, in-process with an injected clock", () => {
  let env: InProcess;
  let cookie: string;
  let other: string;

  beforeAll(async () => {
    env = await startInProcess();
    cookie = await signUpCookie(env.runtime);
    other = await signUpCookie(env.runtime);
    for (const [who, slug] of [
      [cookie, "cli-home"],
      [other, "cli-elsewhere"],
    ]) {
      await createWorkspaceAs(who, { name: slug, slug, keyPrefix: "cl" });
    }
  });
  afterAll(async () => env.runtime.close());

  const begin = async (deviceName = "build-box") => {
    const res = await call(start, "POST", "/api/v1/cli/login", { body: { deviceName } });
    expect(res.status).toBe(201);
    return res.body as {
      code: string;
      pollToken: string;
      verificationUrl: string;
      expiresAt: string;
      interval: number;
    };
  };
  const collect = (pollToken: string) => call(poll, "POST", "/api/v1/cli/login/poll", { body: { pollToken } });
  const decide = (code: string, scopes = ["keys.read"], workspace = "cli-home", who = cookie) =>
    call(approve, "POST", "/api/v1/cli/login/approve", { cookie: who, body: { code, workspace, scopes } });

  it("start → pending → approve → the key, once; it is the approver's, named after the device", async () => {
    const login = await begin("laptop.local");
    expect(login.code).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
    expect(login.verificationUrl).toBe(`http://localhost:3000/cli/authorize?code=${login.code}`);
    expect(new Date(login.expiresAt).getTime() - env.now().getTime()).toBe(10 * MINUTE);
    expect(login.interval).toBeGreaterThan(0);
    // Only the hash of the poll token is kept.
    const stored = await env.runtime.database.db.cliLoginRequest.findUniqueOrThrow({ where: { code: login.code } });
    expect(JSON.stringify(stored)).not.toContain(login.pollToken);

    expect((await collect(login.pollToken)).body).toEqual({ status: "pending" });
    expect((await decide(login.code.toLowerCase(), ["keys.read", "keys.write"])).body).toEqual({ status: "approved" });

    const approved = await collect(login.pollToken);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: "approved", workspace: { slug: "cli-home" } });
    const me = await call(getMe, "GET", "/api/v1/me", { headers: { authorization: `Bearer ${approved.body.key}` } });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ type: "key", key: { id: approved.body.keyId, name: "CLI on laptop.local" } });
    expect(me.body.scopes).toEqual(["keys.read", "keys.write"]);
    const key = await call(getKey, "GET", `/api/v1/keys/${approved.body.keyId}`, {
      cookie,
      params: { id: approved.body.keyId },
    });
    expect(key.body).toMatchObject({ kind: "workspace", status: "active", description: "Created by keysmith login" });
    const audit = await call(listAudit, "GET", `/api/v1/audit?targetId=${approved.body.keyId}`, { cookie });
    expect(audit.body.data[0]).toMatchObject({ action: "key.created", metadata: { via: "cli-login" } });

    // Used once: the secret is never handed over again, and the code cannot be approved again.
    const again = await collect(login.pollToken);
    expect(again.status).toBe(410);
    expect(again.body.error.message).toMatch(/already used/);
    expect((await decide(login.code)).status).toBe(409);
    expect((await findCliLogin(env.runtime.database.db, login.code, env.now()))?.state).toBe("used");
  });

  it("deny: the CLI learns it, and the code cannot be approved afterwards", async () => {
    const login = await begin();
    const denied = await call(deny, "POST", "/api/v1/cli/login/deny", { cookie, body: { code: login.code } });
    expect(denied.body).toEqual({ status: "denied" });
    expect((await collect(login.pollToken)).body).toEqual({ status: "denied" });
    expect((await decide(login.code)).status).toBe(409);
  });

  it("expiry: after 10 minutes neither approval nor collection works", async () => {
    const pending = await begin();
    const approvedLate = await begin();
    env.advance(9 * MINUTE);
    expect((await decide(approvedLate.code)).status).toBe(200);
    env.advance(MINUTE);
    const late = await decide(pending.code);
    expect(late.status).toBe(410);
    expect(late.body.error.code).toBe("GONE");
    expect((await collect(pending.pollToken)).status).toBe(410);
    // Approved in time but never collected: no key comes out of it any more.
    expect((await collect(approvedLate.pollToken)).status).toBe(410);
    expect((await findCliLogin(env.runtime.database.db, pending.code, env.now()))?.state).toBe("expired");
  });

  it("approval stays within the approver's role and workspaces", async () => {
    const login = await begin();
    expect((await decide(login.code, ["keys.read"], "cli-elsewhere")).status).toBe(403);
    expect((await decide(login.code, ["no.such"])).status).toBe(403);
    expect((await decide(login.code, [])).status).toBe(400);
    expect((await collect(login.pollToken)).body).toEqual({ status: "pending" });
    // Someone else's session can approve it only into their own workspace.
    expect((await decide(login.code, ["keys.read"], "cli-elsewhere", other)).status).toBe(200);
    expect((await collect(login.pollToken)).body).toMatchObject({ workspace: { slug: "cli-elsewhere" } });
  });

  it("refuses bad input, unknown tokens and codes, and approvals without a session", async () => {
    for (const body of [{}, { deviceName: "" }, { deviceName: "x".repeat(44) }, { deviceName: "a\nb" }, { x: 1 }]) {
      expect((await call(start, "POST", "/api/v1/cli/login", { body })).status, JSON.stringify(body)).toBe(400);
    }
    expect((await collect("kspoll_nothing")).status).toBe(404);
    expect((await decide("BCDF-GHJK")).status).toBe(404);
    expect((await decide("not a code")).status).toBe(404);
    const login = await begin();
    const anonymous = await call(approve, "POST", "/api/v1/cli/login/approve", {
      body: { code: login.code, workspace: "cli-home", scopes: ["keys.read"] },
    });
    expect(anonymous.status).toBe(401);
  });
});
