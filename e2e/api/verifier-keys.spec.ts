import { generateKey } from "../../lib/keys/format";
import { addMember, anonymous, bearer, createKey, json, signUpWithWorkspace, verify } from "../support/api";
import { expect, test } from "../support/test";

const PATHS = ["/api/v1/keys/verify", "/api/v1/keys/verify?via=next"];

test.describe("verifier keys", () => {
  test("a verifier key sees only its own workspace's keys; a key without keys.verify cannot act as one", async ({
    baseURL,
  }) => {
    const own = await signUpWithWorkspace(baseURL!);
    const other = await signUpWithWorkspace(baseURL!);
    const machine = await anonymous(baseURL!);
    const verifier = await createKey(own.api, { name: "Gateway verifier", scopes: ["keys.verify"] });
    const client = await createKey(own.api, { name: "Client", scopes: ["keys.read"] });
    const revoked = await createKey(own.api, { name: "Revoked client" });
    await json(await own.api.delete(`/api/v1/keys/${revoked.id}`), 200);
    const foreign = await createKey(other.api, { name: "Foreign client" });
    const foreignRevoked = await createKey(other.api, { name: "Foreign revoked" });
    await json(await other.api.delete(`/api/v1/keys/${foreignRevoked.id}`), 200);
    const plain = await createKey(own.api, { name: "Not a verifier", scopes: ["keys.read"] });

    for (const path of PATHS) {
      const ask = (key: string, headers: Record<string, string>) => machine.post(path, { headers, data: { key } });
      expect(await json(await ask(client.key, bearer(verifier.key)), 200)).toMatchObject({
        valid: true,
        code: "VALID",
        keyId: client.id,
        workspaceId: own.workspace.id,
        scopes: ["keys.read"],
      });
      expect(await json(await ask(revoked.key, bearer(verifier.key)), 200)).toMatchObject({ code: "REVOKED" });
      // Another workspace's keys do not exist for this verifier, whatever their state.
      for (const key of [foreign.key, foreignRevoked.key]) {
        expect(await json(await ask(key, bearer(verifier.key)), 200)).toEqual({
          valid: false,
          code: "NOT_FOUND",
          keyId: null,
          workspaceId: null,
          environment: null,
          scopes: [],
          expiresAt: null,
          role: null,
          reason: null,
          organizationId: null,
          scope: null,
        });
      }
      // The same foreign key answers VALID to an anonymous caller: the workspace asks for nothing.
      expect(await verify(machine, { key: foreign.key })).toMatchObject({ code: "VALID" });

      const noScope = await ask(client.key, { "x-api-key": plain.key });
      expect(noScope.status()).toBe(403);
      expect(await noScope.json()).toMatchObject({ error: { code: "FORBIDDEN", message: /keys\.verify/ } });
      const unknown = await ask(client.key, bearer(generateKey("sk", "live")));
      expect(unknown.status()).toBe(401);
      expect(await unknown.json()).toMatchObject({ error: { code: "UNAUTHORIZED" } });
      const badHeader = await ask(client.key, { authorization: "Basic abc" });
      expect(badHeader.status()).toBe(401);
    }

    // A revoked verifier key stops verifying at once.
    await json(await own.api.delete(`/api/v1/keys/${verifier.id}`), 200);
    const after = await machine.post(PATHS[0], { headers: bearer(verifier.key), data: { key: client.key } });
    expect(after.status()).toBe(401);
    expect(await after.json()).toMatchObject({ error: { message: "API key has been revoked" } });
  });

  test("requireVerifierKey hides a workspace's keys from anonymous callers", async ({ baseURL }) => {
    const owner = await signUpWithWorkspace(baseURL!);
    const member = await addMember(baseURL!, owner, "member");
    const machine = await anonymous(baseURL!);
    const client = await createKey(owner.api, { name: "Client" });
    const revoked = await createKey(owner.api, { name: "Revoked" });
    await json(await owner.api.delete(`/api/v1/keys/${revoked.id}`), 200);
    // Members may mint a verifier key (it confines verification, it grants nothing).
    const verifier = await createKey(member.api, { name: "Member's verifier", scopes: ["keys.verify"] });
    expect(await verify(machine, { key: client.key })).toMatchObject({ code: "VALID" });

    // Only workspace.write may change the setting.
    expect((await member.api.patch("/api/v1/workspace", { data: { requireVerifierKey: true } })).status()).toBe(403);
    const settings = await json(
      await owner.api.patch("/api/v1/workspace", { data: { requireVerifierKey: true } }),
      200,
    );
    expect(settings.requireVerifierKey).toBe(true);

    for (const path of PATHS) {
      for (const key of [client.key, revoked.key]) {
        expect(await json(await machine.post(path, { data: { key } }), 200)).toMatchObject({
          valid: false,
          code: "NOT_FOUND",
          keyId: null,
        });
      }
      const withVerifier = await machine.post(path, { headers: bearer(verifier.key), data: { key: client.key } });
      expect(await json(withVerifier, 200)).toMatchObject({ valid: true, keyId: client.id });
      const revokedSeen = await machine.post(path, { headers: bearer(verifier.key), data: { key: revoked.key } });
      expect(await json(revokedSeen, 200)).toMatchObject({ code: "REVOKED" });
    }
    // The REST API is unaffected: a key is its caller's own credential there.
    expect((await machine.get("/api/v1/me", { headers: bearer(client.key) })).status()).toBe(200);

    await json(await owner.api.patch("/api/v1/workspace", { data: { requireVerifierKey: false } }), 200);
    expect(await verify(machine, { key: client.key })).toMatchObject({ code: "VALID" });
  });
});
