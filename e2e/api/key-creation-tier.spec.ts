import { generateKey } from "../../lib/keys/format";
import { addMember, anonymous, bearer, createKey, json, signUpWithWorkspace, verify } from "../support/api";
import { expect, test } from "../support/test";

/**
 * tmmate's promises: "creating keys requires the workspace admin role" (a workspace setting,
 * keyCreation), and a key "inherits the role of the user who created it" (verify says which).
 */
const REFUSAL = { error: { code: "FORBIDDEN", message: "Only owners and admins can create keys in this workspace" } };
const FAST = "/api/v1/keys/verify";
const NEXT = "/api/v1/keys/verify?via=next"; // the same handler, reached through Next

test.describe("API: who may create keys, and the tier a key acts with", () => {
  test("keyCreation: admins refuses members' creates (session or key) with who may; owners and admins create", async ({
    baseURL,
  }) => {
    const owner = await signUpWithWorkspace(baseURL!);
    const admin = await addMember(baseURL!, owner, "admin");
    const member = await addMember(baseURL!, owner, "member");
    const machine = await anonymous(baseURL!);
    expect(await json(await owner.api.get("/api/v1/workspace"), 200)).toMatchObject({ keyCreation: "members" });

    // Today's default: any member creates keys (within their role).
    const memberKey = await createKey(member.api, { name: "Member's reader" });
    const memberPersonal = await json(await member.api.post("/api/v1/me/key"), 201);
    const adminKey = await createKey(admin.api, { name: "Admin's minter", scopes: ["keys.read", "keys.write"] });
    await json(await owner.api.patch("/api/v1/workspace", { data: { allowKeyMinting: true } }), 200);

    // Only a holder of workspace.write changes it, and only to a value it knows.
    expect((await member.api.patch("/api/v1/workspace", { data: { keyCreation: "admins" } })).status()).toBe(403);
    const bad = await owner.api.patch("/api/v1/workspace", { data: { keyCreation: "owners" } });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error.details.issues[0].field).toBe("keyCreation");
    const saved = await json(await admin.api.patch("/api/v1/workspace", { data: { keyCreation: "admins" } }), 200);
    expect(saved.keyCreation).toBe("admins");
    const audit = await json(await owner.api.get("/api/v1/audit?action=workspace.settings_changed"), 200);
    expect(audit.data[0].metadata).toEqual({ keyCreation: { from: "members", to: "admins" } });

    // A member is refused, signed in or through their keys (each acts with the member's role).
    const create = { data: { name: "Not allowed" } };
    const refusals = [
      await member.api.post("/api/v1/keys", create),
      await machine.post("/api/v1/keys", { ...create, headers: bearer(memberKey.key) }),
      await machine.post("/api/v1/keys", { ...create, headers: bearer(memberPersonal.key) }),
    ];
    for (const refused of refusals) {
      expect(refused.status()).toBe(403);
      expect(await refused.json()).toEqual(REFUSAL);
    }
    // What they made before still works: only creation is kept to owners and admins.
    expect(await verify(machine, { key: memberKey.key })).toMatchObject({ valid: true, role: "member" });

    // Owners and admins still create, signed in or with a key holding keys.write.
    await createKey(owner.api, { name: "Owner's" });
    await createKey(admin.api, { name: "Admin's" });
    expect((await machine.post("/api/v1/keys", { ...create, headers: bearer(adminKey.key) })).status()).toBe(201);

    // The rule reads the current role: promoting the member lets them create; demoting the admin stops theirs.
    await json(await owner.api.patch(`/api/v1/members/${member.memberId}`, { data: { role: "admin" } }), 200);
    await createKey(member.api, { name: "Now an admin's" });
    await json(await owner.api.patch(`/api/v1/members/${admin.memberId}`, { data: { role: "member" } }), 200);
    expect(await json(await admin.api.post("/api/v1/keys", create), 403)).toEqual(REFUSAL);
    expect(await json(await machine.post("/api/v1/keys", { ...create, headers: bearer(adminKey.key) }), 403)).toEqual(
      REFUSAL,
    );

    // Back to the default: every member creates again.
    await json(await owner.api.patch("/api/v1/workspace", { data: { keyCreation: "members" } }), 200);
    await createKey(admin.api, { name: "A member's again" });
  });

  test("verify says the creator's current role (VALID and INSUFFICIENT_SCOPE), on both paths; a demotion changes it", async ({
    baseURL,
  }) => {
    const owner = await signUpWithWorkspace(baseURL!);
    const admin = await addMember(baseURL!, owner, "admin");
    const member = await addMember(baseURL!, owner, "member");
    const machine = await anonymous(baseURL!);
    const adminKey = await createKey(admin.api, { name: "Admin tier", scopes: ["keys.read", "keys.write"] });
    const memberKey = await createKey(member.api, { name: "Member tier", scopes: ["keys.read"] });
    const ownerKey = await createKey(owner.api, { name: "Owner tier", scopes: ["keys.read"] });
    const revoked = await createKey(admin.api, { name: "Revoked" });
    await json(await owner.api.delete(`/api/v1/keys/${revoked.id}`), 200);

    const both = async (body: Record<string, unknown>) => {
      const fast = await json(await machine.post(FAST, { data: body }), 200);
      expect(await json(await machine.post(NEXT, { data: body }), 200)).toEqual(fast);
      return fast;
    };
    expect(await both({ key: ownerKey.key })).toMatchObject({ code: "VALID", role: "owner" });
    expect(await both({ key: adminKey.key })).toEqual({
      valid: true,
      code: "VALID",
      keyId: adminKey.id,
      workspaceId: owner.workspace.id,
      environment: "live",
      scopes: ["keys.read", "keys.write"],
      expiresAt: null,
      role: "admin",
      reason: null,
      organizationId: owner.workspace.organizationId,
      scope: "workspace",
    });
    expect(await both({ key: memberKey.key })).toMatchObject({ code: "VALID", role: "member", scopes: ["keys.read"] });
    // A refusal for a scope still says the tier the key acts with; other refusals say none.
    expect(await both({ key: memberKey.key, requiredScopes: ["keys.write"] })).toMatchObject({
      valid: false,
      code: "INSUFFICIENT_SCOPE",
      role: "member",
    });
    expect(await both({ key: revoked.key })).toMatchObject({ code: "REVOKED", role: null });
    expect(await both({ key: generateKey("sk", "live") })).toMatchObject({ code: "NOT_FOUND", role: null });

    // Demoting the creator changes the next answer (the cached key is dropped with the change).
    await json(await owner.api.patch(`/api/v1/members/${admin.memberId}`, { data: { role: "member" } }), 200);
    expect(await both({ key: adminKey.key })).toMatchObject({ valid: true, role: "member", scopes: ["keys.read"] });
    // And promoting: the member's key now acts as an admin's (its own scopes still bound it).
    await json(await owner.api.patch(`/api/v1/members/${member.memberId}`, { data: { role: "admin" } }), 200);
    expect(await both({ key: memberKey.key })).toMatchObject({ valid: true, role: "admin", scopes: ["keys.read"] });
    // Removed from the workspace: the key is DISABLED and says no role.
    expect((await owner.api.delete(`/api/v1/members/${member.memberId}`)).status()).toBe(204);
    expect(await both({ key: memberKey.key })).toMatchObject({ valid: false, code: "DISABLED", role: null });
  });
});
