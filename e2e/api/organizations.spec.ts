import { randomUUID } from "node:crypto";
import { addMember, anonymous, bearer, createKey, json, signUp, signUpWithWorkspace, verify } from "../support/api";
import { expect, test } from "../support/test";

/**
 * MutagenT's three key scopes: Workspace (no header), Organization (one key for every workspace
 * of the organization, which the caller names with x-workspace-id) and User (a personal key,
 * which x-organization-id may narrow). Organizations group workspaces; their owners and admins
 * see and create every workspace in them.
 */
test.describe("API: organizations above workspaces", () => {
  test("each workspace starts in an organization of its own; owners and admins create and see its workspaces", async ({
    baseURL,
  }) => {
    const owner = await signUpWithWorkspace(baseURL!);
    const { data: orgs } = await json(await owner.api.get("/api/v1/orgs"), 200);
    expect(orgs).toEqual([
      { id: expect.any(String), slug: owner.workspace.slug, name: expect.any(String), role: "owner" },
    ]);
    const [org] = orgs;
    expect(await json(await owner.api.get("/api/v1/workspace"), 200)).toMatchObject({ organizationId: org.id });

    // A second workspace in the same organization, named by id or slug.
    const slugB = `ws-${randomUUID().slice(0, 8)}`;
    const b = await json(
      await owner.api.post("/api/v1/workspaces", {
        data: { name: "Second", slug: slugB, keyPrefix: "two", organizationId: org.slug },
      }),
      201,
    );
    expect(b.organizationId).toBe(org.id);
    // Without one, a new workspace gets a new organization of its own.
    const slugC = `ws-${randomUUID().slice(0, 8)}`;
    const c = await json(await owner.api.post("/api/v1/workspaces", { data: { name: "Elsewhere", slug: slugC } }), 201);
    expect(c.organizationId).not.toBe(org.id);

    // A member of workspace A is a member of the organization: they see A only, and create nothing in it.
    const member = await addMember(baseURL!, owner, "member");
    const seenByMember = await json(await member.api.get(`/api/v1/orgs/${org.id}`), 200);
    expect(seenByMember).toMatchObject({ role: "member", keys: [] });
    expect(seenByMember.workspaces.map((w: { slug: string }) => w.slug)).toEqual([owner.workspace.slug]);
    const refused = await member.api.post("/api/v1/workspaces", {
      data: { name: "Nope", slug: `ws-${randomUUID().slice(0, 8)}`, organizationId: org.id },
    });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.message).toBe(
      "Only the organization's owners and admins can create workspaces in it",
    );
    expect((await member.api.patch(`/api/v1/orgs/${org.id}`, { data: { name: "Mine now" } })).status()).toBe(403);
    expect((await member.api.get(`/api/v1/workspace`, { headers: { "x-workspace-id": slugB } })).status()).toBe(403);

    // Made an organization admin, they see and act in every workspace of it.
    const promoted = await json(
      await owner.api.patch(`/api/v1/orgs/${org.id}/members/${member.userId}`, { data: { role: "admin" } }),
      200,
    );
    expect(promoted).toMatchObject({ userId: member.userId, role: "admin", workspaces: 1 });
    const { data: theirs } = await json(await member.api.get("/api/v1/workspaces"), 200);
    expect(theirs.map((w: { slug: string; role: string }) => [w.slug, w.role]).sort()).toEqual(
      [
        [owner.workspace.slug, "admin"],
        [slugB, "admin"],
      ].sort(),
    );
    expect(
      await json(await member.api.get("/api/v1/workspace", { headers: { "x-workspace-id": slugB } }), 200),
    ).toMatchObject({ slug: slugB });
    expect(
      (await json(await member.api.get(`/api/v1/orgs/${org.slug}`), 200)).workspaces.map(
        (w: { slug: string }) => w.slug,
      ),
    ).toHaveLength(2);
    // Their keys act there too: a workspace key made in B, and their personal key.
    const inB = await json(
      await member.api.post("/api/v1/keys", { headers: { "x-workspace-id": slugB }, data: { name: "Made in B" } }),
      201,
    );
    const machine = await anonymous(baseURL!);
    expect(await verify(machine, { key: inB.key })).toMatchObject({ valid: true, role: "admin", workspaceId: b.id });
    const personal = await json(await member.api.post("/api/v1/me/key"), 201);
    expect(
      await json(
        await machine.get("/api/v1/workspace", { headers: { ...bearer(personal.key), "x-workspace-id": slugB } }),
        200,
      ),
    ).toMatchObject({ slug: slugB });
    // The change is in each workspace's audit log.
    const audit = await json(await owner.api.get("/api/v1/audit?action=org.role_changed"), 200);
    expect(audit.data[0].metadata).toMatchObject({ from: "member", to: "admin", organizationId: org.id });

    // Admins do not make owners; the last owner does not step down; outsiders see nothing.
    const bump = await member.api.patch(`/api/v1/orgs/${org.id}/members/${member.userId}`, { data: { role: "owner" } });
    expect(bump.status()).toBe(403);
    const stepDown = await owner.api.patch(`/api/v1/orgs/${org.id}/members/${owner.userId}`, {
      data: { role: "admin" },
    });
    expect(stepDown.status()).toBe(409);
    const badRole = await owner.api.patch(`/api/v1/orgs/${org.id}/members/${member.userId}`, {
      data: { role: "boss" },
    });
    expect(badRole.status()).toBe(400);
    expect((await badRole.json()).error.details.issues[0].field).toBe("role");
    const outsider = await signUp(baseURL!, "outsider");
    expect((await outsider.api.get(`/api/v1/orgs/${org.id}`)).status()).toBe(404);
    expect(
      (
        await outsider.api.patch(`/api/v1/orgs/${org.id}/members/${outsider.userId}`, { data: { role: "admin" } })
      ).status(),
    ).toBe(404);
    const renamed = await json(await owner.api.patch(`/api/v1/orgs/${org.id}`, { data: { name: "Acme Group" } }), 200);
    expect(renamed).toMatchObject({ id: org.id, name: "Acme Group" });
  });

  test("an organization key acts in every workspace of its organization, named by x-workspace-id, within its creator's organization role", async ({
    baseURL,
  }) => {
    const owner = await signUpWithWorkspace(baseURL!, "acme");
    const [org] = (await json(await owner.api.get("/api/v1/orgs"), 200)).data;
    const slugB = `ws-${randomUUID().slice(0, 8)}`;
    await json(
      await owner.api.post("/api/v1/workspaces", { data: { name: "Second", slug: slugB, organizationId: org.id } }),
      201,
    );
    const other = await signUpWithWorkspace(baseURL!);
    const admin = await addMember(baseURL!, owner, "admin");
    await json(
      await owner.api.patch(`/api/v1/orgs/${org.id}/members/${admin.userId}`, { data: { role: "admin" } }),
      200,
    );
    const machine = await anonymous(baseURL!);

    // Only organization owners and admins create one; a workspace admin alone may not.
    const workspaceAdmin = await addMember(baseURL!, owner, "admin");
    const notOrgAdmin = await workspaceAdmin.api.post("/api/v1/keys", {
      data: { name: "Org key", kind: "organization" },
    });
    expect(notOrgAdmin.status()).toBe(403);
    expect((await notOrgAdmin.json()).error.details.issues[0].field).toBe("kind");

    const orgKey = await createKey(admin.api, {
      name: "Fleet",
      kind: "organization",
      scopes: ["keys.read", "keys.write", "keys.verify", "workspace.read"],
    });
    expect(orgKey).toMatchObject({ kind: "organization", workspaceId: null, organizationId: org.id });
    expect(orgKey.key).toMatch(/^acme_live_/);

    // No workspace named: a clear 400. Named: it acts there, in any of the organization's workspaces.
    const missing = await machine.get("/api/v1/keys", { headers: bearer(orgKey.key) });
    expect(missing.status()).toBe(400);
    expect(await missing.json()).toMatchObject({
      error: {
        message: "This is an organization key: name the workspace it acts in with the x-workspace-id header",
        details: { issues: [{ field: "x-workspace-id" }] },
      },
    });
    for (const workspace of [owner.workspace.slug, slugB]) {
      const seen = await json(
        await machine.get("/api/v1/workspace", { headers: { ...bearer(orgKey.key), "x-workspace-id": workspace } }),
        200,
      );
      expect(seen.slug).toBe(workspace);
    }
    // The key list of every workspace of the organization shows it, as an organization key.
    const listed = await json(await owner.api.get("/api/v1/keys", { headers: { "x-workspace-id": slugB } }), 200);
    expect(listed.data.find((k: { id: string }) => k.id === orgKey.id)).toMatchObject({ kind: "organization" });
    // Another organization's workspace: refused; a mismatched x-organization-id: 400.
    const elsewhere = await machine.get("/api/v1/workspace", {
      headers: { ...bearer(orgKey.key), "x-workspace-id": other.workspace.slug },
    });
    expect(elsewhere.status()).toBe(403);
    const [otherOrg] = (await json(await other.api.get("/api/v1/orgs"), 200)).data;
    const mismatch = await machine.get("/api/v1/workspace", {
      headers: { ...bearer(orgKey.key), "x-workspace-id": slugB, "x-organization-id": otherOrg.id },
    });
    expect(mismatch.status()).toBe(400);
    expect((await mismatch.json()).error.details.issues[0].field).toBe("x-organization-id");

    // Verify: the workspace is required, and the answer says organization, scope and role.
    const unnamed = await machine.post("/api/v1/keys/verify", { data: { key: orgKey.key } });
    expect(unnamed.status()).toBe(400);
    expect((await unnamed.json()).error.details.issues[0].field).toBe("workspaceId");
    const valid = await verify(machine, { key: orgKey.key, workspaceId: slugB });
    expect(valid).toMatchObject({
      valid: true,
      keyId: orgKey.id,
      organizationId: org.id,
      scope: "organization",
      role: "admin",
      scopes: ["keys.read", "keys.write", "keys.verify", "workspace.read"],
    });
    expect(await verify(machine, { key: orgKey.key, workspaceId: other.workspace.slug })).toMatchObject({
      code: "NOT_FOUND",
    });

    // Effective scopes follow the creator's current organization role: demoted to member, keys.write goes.
    await json(
      await owner.api.patch(`/api/v1/orgs/${org.id}/members/${admin.userId}`, { data: { role: "member" } }),
      200,
    );
    expect(await verify(machine, { key: orgKey.key, workspaceId: slugB })).toMatchObject({
      valid: true,
      role: "member",
      scopes: ["keys.read", "keys.verify", "workspace.read"],
    });
    // Only organization owners and admins manage it: not the demoted creator, not a workspace admin.
    expect((await admin.api.delete(`/api/v1/keys/${orgKey.id}`)).status()).toBe(403);
    expect((await workspaceAdmin.api.delete(`/api/v1/keys/${orgKey.id}`)).status()).toBe(403);
    const revoked = await json(
      await owner.api.delete(`/api/v1/keys/${orgKey.id}`, { headers: { "x-workspace-id": slugB } }),
      200,
    );
    expect(revoked.status).toBe("revoked");
    expect(await verify(machine, { key: orgKey.key, workspaceId: slugB })).toMatchObject({ code: "REVOKED" });
  });

  test("workspace keys need no header and say so; a personal key is narrowed by x-organization-id (id or slug)", async ({
    baseURL,
  }) => {
    const owner = await signUpWithWorkspace(baseURL!);
    const [org] = (await json(await owner.api.get("/api/v1/orgs"), 200)).data;
    const slugB = `ws-${randomUUID().slice(0, 8)}`;
    await json(
      await owner.api.post("/api/v1/workspaces", { data: { name: "Second", slug: slugB, organizationId: org.id } }),
      201,
    );
    const slugC = `ws-${randomUUID().slice(0, 8)}`;
    const c = await json(await owner.api.post("/api/v1/workspaces", { data: { name: "Apart", slug: slugC } }), 201);
    const machine = await anonymous(baseURL!);

    const workspaceKey = await createKey(owner.api, { name: "Plain" });
    expect(await verify(machine, { key: workspaceKey.key })).toMatchObject({
      valid: true,
      scope: "workspace",
      organizationId: org.id,
      workspaceId: owner.workspace.id,
    });

    const personal = await json(await owner.api.post("/api/v1/me/key"), 201);
    // In three workspaces: ambiguous alone, settled by the organization that holds just one of them.
    expect((await machine.get("/api/v1/workspace", { headers: bearer(personal.key) })).status()).toBe(400);
    const [orgC] = (await json(await owner.api.get("/api/v1/orgs"), 200)).data.filter(
      (o: { id: string }) => o.id === c.organizationId,
    );
    for (const hint of [orgC.id, orgC.slug]) {
      const acting = await json(
        await machine.get("/api/v1/workspace", { headers: { ...bearer(personal.key), "x-organization-id": hint } }),
        200,
      );
      expect(acting.slug).toBe(slugC);
    }
    // The organization of A and B still leaves two: name one.
    expect(
      (
        await machine.get("/api/v1/workspace", { headers: { ...bearer(personal.key), "x-organization-id": org.id } })
      ).status(),
    ).toBe(400);
    const mismatch = await machine.get("/api/v1/workspace", {
      headers: { ...bearer(personal.key), "x-workspace-id": slugB, "x-organization-id": orgC.slug },
    });
    expect(mismatch.status()).toBe(400);
    expect((await mismatch.json()).error.details.issues[0].field).toBe("x-organization-id");
    expect(await verify(machine, { key: personal.key, workspaceId: slugB })).toMatchObject({
      valid: true,
      scope: "user",
      organizationId: org.id,
    });
    const wrongPair = await machine.post("/api/v1/keys/verify", {
      data: { key: personal.key, workspaceId: slugB, organizationId: orgC.id },
    });
    expect(wrongPair.status()).toBe(400);
    expect((await wrongPair.json()).error.details.issues[0].field).toBe("organizationId");
    // Sessions: x-organization-id must match too.
    const sessionMismatch = await owner.api.get("/api/v1/workspace", {
      headers: { "x-workspace-id": slugB, "x-organization-id": orgC.id },
    });
    expect(sessionMismatch.status()).toBe(400);
  });
});
