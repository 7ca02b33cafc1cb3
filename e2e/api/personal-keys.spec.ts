import { addMember, anonymous, bearer, json, signUpWithWorkspace, verify } from "../support/api";
import { expect, test } from "../support/test";

/** The fast path in server.ts and the Next route: their answers must be the same. */
const VERIFY_PATHS = ["/api/v1/keys/verify", "/api/v1/keys/verify?via=next"];

test.describe("API: personal keys", () => {
  test("one per user, usable in each of the user's workspaces with the user's role there", async ({ baseURL }) => {
    const alice = await signUpWithWorkspace(baseURL!);
    const bob = await signUpWithWorkspace(baseURL!);
    const machine = await anonymous(baseURL!);

    expect(await json(await alice.api.get("/api/v1/me/key"), 200)).toEqual({ key: null });
    const personal = await json(await alice.api.post("/api/v1/me/key"), 201);
    expect(personal.key).toMatch(/^user_live_[0-9A-Za-z]{38}$/);
    expect(personal).toMatchObject({ kind: "personal", workspaceId: null, previous: null });
    const listed = await json(await alice.api.get("/api/v1/me/key"), 200);
    expect(listed.key).toMatchObject({ id: personal.id, maskedKey: personal.maskedKey });
    expect(listed.key).not.toHaveProperty("key");

    // One workspace: no header needed.
    const me = await json(await machine.get("/api/v1/me", { headers: bearer(personal.key) }), 200);
    expect(me).toMatchObject({
      type: "key",
      key: { kind: "personal" },
      workspace: { id: alice.workspace.id },
      role: "owner",
    });

    // Alice joins Bob's workspace as a member: now the key must say which workspace.
    const invitation = await json(
      await bob.api.post("/api/v1/members/invitations", { data: { email: alice.email } }),
      201,
    );
    await json(await alice.api.post(`/api/v1/invitations/${invitation.id}/accept`), 200);
    const ambiguous = await machine.get("/api/v1/me", { headers: bearer(personal.key) });
    expect(ambiguous.status()).toBe(400);
    expect(await ambiguous.json()).toMatchObject({
      error: { code: "VALIDATION_FAILED", details: { issues: [{ field: "x-workspace-id" }] } },
    });
    expect(
      await json(
        await machine.get("/api/v1/me", { headers: { ...bearer(personal.key), "x-workspace-id": bob.workspace.slug } }),
        200,
      ),
    ).toMatchObject({ workspace: { id: bob.workspace.id }, role: "member" });
    const inAlices = await machine.get("/api/v1/keys", {
      headers: { ...bearer(personal.key), "x-workspace-id": alice.workspace.id },
    });
    expect(inAlices.status()).toBe(200);
    // As a member of Bob's workspace the personal key carries a member's powers only.
    const write = await machine.patch("/api/v1/workspace", {
      headers: { ...bearer(personal.key), "x-workspace-id": bob.workspace.id },
      data: { name: "Hijacked" },
    });
    expect(write.status()).toBe(403);

    // A workspace Alice does not belong to is refused.
    const carol = await signUpWithWorkspace(baseURL!);
    const foreign = await machine.get("/api/v1/me", {
      headers: { ...bearer(personal.key), "x-workspace-id": carol.workspace.id },
    });
    expect(foreign.status()).toBe(403);

    // Verify never answers VALID without a workspace: with two, the caller names one.
    for (const path of VERIFY_PATHS) {
      const unnamed = await machine.post(path, { data: { key: personal.key } });
      expect(unnamed.status(), path).toBe(400);
      expect(await unnamed.json()).toEqual({
        error: {
          code: "VALIDATION_FAILED",
          message: expect.any(String),
          details: { issues: [{ field: "workspaceId", message: expect.any(String) }] },
        },
      });
      const named = await json(
        await machine.post(path, { data: { key: personal.key, workspaceId: bob.workspace.slug } }),
        200,
      );
      expect(named).toMatchObject({ valid: true, code: "VALID", workspaceId: bob.workspace.id });
      expect(named.scopes.length).toBeGreaterThan(0);
      const notTheirs = await json(
        await machine.post(path, { data: { key: personal.key, workspaceId: carol.workspace.id } }),
        200,
      );
      expect(notTheirs).toMatchObject({ valid: false, code: "NOT_FOUND", keyId: null, workspaceId: null });
    }
  });

  test("rotating the personal key replaces it; the old one lives only through the grace period", async ({
    baseURL,
  }) => {
    const user = await signUpWithWorkspace(baseURL!);
    const machine = await anonymous(baseURL!);
    const first = await json(await user.api.post("/api/v1/me/key"), 201);
    const second = await json(await user.api.post("/api/v1/me/key", { data: { gracePeriod: "1h" } }), 201);
    expect(second.previous).toMatchObject({ id: first.id, status: "in_grace" });
    expect(await verify(machine, { key: first.key })).toMatchObject({ valid: true });
    // Rotation's expiry rule applies here too; a personal key never expires, so it stays without one.
    const third = await json(await user.api.post("/api/v1/me/key", { data: { gracePeriod: 0, expiry: "renew" } }), 201);
    expect(third.expiresAt).toBeNull();
    expect(await verify(machine, { key: second.key })).toMatchObject({
      valid: false,
      code: "REVOKED",
      reason: "ROTATED",
    });
    expect((await json(await user.api.get("/api/v1/me/key"), 200)).key.id).toBe(third.id);
    // You can't mint a key with a key, personal or not.
    expect((await machine.post("/api/v1/me/key", { headers: bearer(third.key) })).status()).toBe(403);
  });

  test("DELETE /api/v1/me/key revokes the personal key at once; POST creates a new one; {first:true} never re-issues", async ({
    baseURL,
  }) => {
    const user = await signUpWithWorkspace(baseURL!);
    const machine = await anonymous(baseURL!);
    // Nothing to revoke yet.
    const none = await user.api.delete("/api/v1/me/key");
    expect(none.status()).toBe(404);
    expect((await none.json()).error).toMatchObject({
      code: "NOT_FOUND",
      message: "You have no personal key to revoke",
    });

    // The dashboard's sign-up call: the account's first personal key.
    const first = await json(await user.api.post("/api/v1/me/key", { data: { first: true } }), 201);
    for (const path of VERIFY_PATHS) {
      expect(await json(await machine.post(path, { data: { key: first.key } }), 200), path).toMatchObject({
        valid: true,
      });
    }
    // A second {first:true} (another sign-in) is refused: it never rotates or replaces the key.
    const again = await user.api.post("/api/v1/me/key", { data: { first: true } });
    expect(again.status()).toBe(409);
    expect((await json(await user.api.get("/api/v1/me/key"), 200)).key.id).toBe(first.id);

    // A key can't revoke it (the same rule as issuing): only the signed-in user.
    expect((await machine.delete("/api/v1/me/key", { headers: bearer(first.key) })).status()).toBe(403);

    const revoked = await json(await user.api.delete("/api/v1/me/key"), 200);
    expect(revoked.key).toMatchObject({ id: first.id, kind: "personal", status: "revoked" });
    expect(revoked.key).not.toHaveProperty("key");
    // It stops verifying at once, on the fast path and the Next route alike, and stops authenticating.
    for (const path of VERIFY_PATHS) {
      expect(await json(await machine.post(path, { data: { key: first.key } }), 200), path).toMatchObject({
        valid: false,
        code: "REVOKED",
      });
    }
    expect((await machine.get("/api/v1/me", { headers: bearer(first.key) })).status()).toBe(401);
    expect(await json(await user.api.get("/api/v1/me/key"), 200)).toEqual({ key: null });
    expect((await user.api.delete("/api/v1/me/key")).status()).toBe(404);

    // A revoked key stays revoked at the next sign-in ({first:true} is refused); POST creates a new one.
    expect((await user.api.post("/api/v1/me/key", { data: { first: true } })).status()).toBe(409);
    const next = await json(await user.api.post("/api/v1/me/key"), 201);
    expect(next).toMatchObject({ kind: "personal", previous: null });
    expect(next.id).not.toBe(first.id);
    expect(await verify(machine, { key: next.key })).toMatchObject({ valid: true });

    // Bad input names the field.
    const bad = await user.api.post("/api/v1/me/key", { data: { first: "yes" } });
    expect(bad.status()).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: { code: "VALIDATION_FAILED", details: { issues: [{ field: "first" }] } },
    });
  });

  test("a removed member's personal key no longer reaches that workspace", async ({ baseURL }) => {
    const owner = await signUpWithWorkspace(baseURL!);
    const member = await addMember(baseURL!, owner, "member");
    const machine = await anonymous(baseURL!);
    const personal = await json(await member.api.post("/api/v1/me/key"), 201);
    expect((await machine.get("/api/v1/keys", { headers: bearer(personal.key) })).status()).toBe(200);
    for (const path of VERIFY_PATHS) {
      expect(await json(await machine.post(path, { data: { key: personal.key } }), 200), path).toMatchObject({
        valid: true,
        workspaceId: owner.workspace.id,
      });
    }
    expect((await owner.api.delete(`/api/v1/members/${member.memberId}`)).status()).toBe(204);
    const after = await machine.get("/api/v1/keys", {
      headers: { ...bearer(personal.key), "x-workspace-id": owner.workspace.id },
    });
    expect(after.status()).toBe(401);
    // In no workspace at all, the key acts nowhere: DISABLED, never VALID without a workspace.
    for (const path of VERIFY_PATHS) {
      for (const data of [{ key: personal.key }, { key: personal.key, workspaceId: owner.workspace.id }]) {
        expect(await json(await machine.post(path, { data }), 200), path).toMatchObject({
          valid: false,
          code: "DISABLED",
          scopes: [],
        });
      }
    }
  });
});
