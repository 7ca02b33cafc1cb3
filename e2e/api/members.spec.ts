import { addMember, anonymous, bearer, createKey, json, signUp, signUpWithWorkspace, verify } from "../support/api";
import { expect, test } from "../support/test";

test.describe("API: members, roles and the keys they created", () => {
  test("invite link → accept with the invited email → member; other emails and reused links are refused", async ({
    baseURL,
  }) => {
    const owner = await signUpWithWorkspace(baseURL!);
    const invitee = await signUp(baseURL!, "invitee");
    const stranger = await signUp(baseURL!, "stranger");
    const invitation = await json(
      await owner.api.post("/api/v1/members/invitations", {
        data: { email: invitee.email.toUpperCase(), role: "admin" },
      }),
      201,
    );
    expect(invitation).toMatchObject({
      email: invitee.email,
      role: "admin",
      status: "pending",
      invitedBy: { name: owner.name, email: owner.email },
    });
    expect(invitation.link).toBe(`${baseURL}/invite/${invitation.id}`);
    expect((await json(await owner.api.get("/api/v1/members/invitations"), 200)).data).toHaveLength(1);
    // The same address cannot be invited twice while the first invitation is pending.
    expect((await owner.api.post("/api/v1/members/invitations", { data: { email: invitee.email } })).status()).toBe(
      409,
    );

    expect((await stranger.api.post(`/api/v1/invitations/${invitation.id}/accept`)).status()).toBe(403);
    const joined = await json(await invitee.api.post(`/api/v1/invitations/${invitation.id}/accept`), 200);
    expect(joined).toMatchObject({ workspace: { id: owner.workspace.id }, role: "admin" });
    expect((await invitee.api.post(`/api/v1/invitations/${invitation.id}/accept`)).status()).toBe(404);

    const members = await json(await owner.api.get("/api/v1/members"), 200);
    expect(members.data.map((m: { email: string; role: string }) => [m.email, m.role])).toEqual([
      [owner.email, "owner"],
      [invitee.email, "admin"],
    ]);
    const me = await json(
      await invitee.api.get("/api/v1/me", { headers: { "x-workspace-id": owner.workspace.slug } }),
      200,
    );
    expect(me).toMatchObject({ role: "admin", workspace: { id: owner.workspace.id } });
    const events = await json(await owner.api.get("/api/v1/audit"), 200);
    expect(events.data.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(["member.invited", "member.joined"]),
    );
  });

  test("demoting a key's creator takes the power from the key on its next request", async ({ baseURL }) => {
    const owner = await signUpWithWorkspace(baseURL!);
    const admin = await addMember(baseURL!, owner, "admin");
    const machine = await anonymous(baseURL!);
    const key = await createKey(admin.api, {
      name: "Admin's key",
      scopes: ["keys.read", "keys.write", "members.read"],
    });
    const victim = await createKey(owner.api, { name: "Victim" });

    expect(await verify(machine, { key: key.key })).toMatchObject({
      scopes: ["keys.read", "keys.write", "members.read"],
    });
    await json(await owner.api.patch(`/api/v1/members/${admin.memberId}`, { data: { role: "member" } }), 200);

    expect(await verify(machine, { key: key.key })).toMatchObject({
      valid: true,
      scopes: ["keys.read", "members.read"],
    });
    expect(await verify(machine, { key: key.key, requiredScopes: ["keys.write"] })).toMatchObject({
      valid: false,
      code: "INSUFFICIENT_SCOPE",
    });
    const revoke = await machine.delete(`/api/v1/keys/${victim.id}`, { headers: bearer(key.key) });
    expect(revoke.status()).toBe(403);
    expect((await json(await machine.get("/api/v1/me", { headers: bearer(key.key) }), 200)).role).toBe("member");

    // Promote again: the key's own scopes come back (they were never rewritten).
    await json(await owner.api.patch(`/api/v1/members/${admin.memberId}`, { data: { role: "admin" } }), 200);
    expect(await verify(machine, { key: key.key, requiredScopes: ["keys.write"] })).toMatchObject({ valid: true });
  });

  test("removing a member stops their keys at once (401 on the API, DISABLED on verify)", async ({ baseURL }) => {
    const owner = await signUpWithWorkspace(baseURL!);
    const member = await addMember(baseURL!, owner, "member");
    const machine = await anonymous(baseURL!);
    const key = await createKey(member.api, { name: "Member's key" });
    expect(key.scopes).toEqual(["keys.read", "keys.verify", "members.read", "audit.read", "workspace.read"]);
    expect((await machine.get("/api/v1/keys", { headers: bearer(key.key) })).status()).toBe(200);

    expect((await owner.api.delete(`/api/v1/members/${member.memberId}`)).status()).toBe(204);
    expect((await machine.get("/api/v1/keys", { headers: bearer(key.key) })).status()).toBe(401);
    expect(await verify(machine, { key: key.key })).toMatchObject({ valid: false, code: "DISABLED" });
    expect((await member.api.get("/api/v1/keys", { headers: { "x-workspace-id": owner.workspace.id } })).status()).toBe(
      403,
    );
  });

  test("members create keys only within their own ceiling and manage only their own keys", async ({ baseURL }) => {
    const owner = await signUpWithWorkspace(baseURL!);
    const member = await addMember(baseURL!, owner, "member");
    const tooStrong = await member.api.post("/api/v1/keys", { data: { name: "Escalation", scopes: ["keys.write"] } });
    expect(tooStrong.status()).toBe(403);
    expect((await tooStrong.json()).error.details.issues[0].field).toBe("scopes");

    const own = await createKey(member.api, { name: "Mine", scopes: ["keys.read"] });
    const owners = await createKey(owner.api, { name: "Owner's" });
    expect((await member.api.post(`/api/v1/keys/${own.id}/rotate`, { data: {} })).status()).toBe(201);
    expect((await member.api.delete(`/api/v1/keys/${owners.id}`)).status()).toBe(403);
  });

  test("owner rules: only owners grant owner; the last owner can neither leave nor be demoted; anyone may leave", async ({
    baseURL,
  }) => {
    const owner = await signUpWithWorkspace(baseURL!);
    const admin = await addMember(baseURL!, owner, "admin");
    const member = await addMember(baseURL!, owner, "member");
    const ownerMember = (await json(await owner.api.get("/api/v1/members"), 200)).data[0];

    expect((await admin.api.patch(`/api/v1/members/${member.memberId}`, { data: { role: "owner" } })).status()).toBe(
      403,
    );
    expect((await admin.api.patch(`/api/v1/members/${ownerMember.id}`, { data: { role: "member" } })).status()).toBe(
      403,
    );
    expect(
      (
        await admin.api.post("/api/v1/members/invitations", { data: { email: "boss@example.com", role: "owner" } })
      ).status(),
    ).toBe(403);
    expect((await owner.api.patch(`/api/v1/members/${ownerMember.id}`, { data: { role: "admin" } })).status()).toBe(
      409,
    );
    expect((await owner.api.delete(`/api/v1/members/${ownerMember.id}`)).status()).toBe(409);

    expect((await member.api.delete(`/api/v1/members/${member.memberId}`)).status()).toBe(204);
    await json(await owner.api.patch(`/api/v1/members/${admin.memberId}`, { data: { role: "owner" } }), 200);
    expect((await owner.api.delete(`/api/v1/members/${ownerMember.id}`)).status()).toBe(204);
    const left = await json(await admin.api.get("/api/v1/members"), 200);
    expect(left.data).toHaveLength(1);
    expect(left.data[0]).toMatchObject({ email: admin.email, role: "owner" });
  });

  test("canceled invitations cannot be accepted", async ({ baseURL }) => {
    const owner = await signUpWithWorkspace(baseURL!);
    const invitee = await signUp(baseURL!, "late");
    const invitation = await json(
      await owner.api.post("/api/v1/members/invitations", { data: { email: invitee.email } }),
      201,
    );
    expect((await owner.api.delete(`/api/v1/members/invitations/${invitation.id}`)).status()).toBe(204);
    expect((await invitee.api.post(`/api/v1/invitations/${invitation.id}/accept`)).status()).toBe(404);
    expect((await json(await owner.api.get("/api/v1/members/invitations"), 200)).data).toHaveLength(0);
  });
});
