import { createHash, randomBytes } from "node:crypto";
import { Keysmith, type LocalVerifier, type VerifyResult } from "@keysmith/sdk";
import { anonymous, bearer, createKey, json, signUpWithWorkspace } from "../support/api";
import { expect, test } from "../support/test";

// The SDK's in-process verifier and keys imported in another product's format: refused as
// MALFORMED until its workspace imports keys (as the server refuses them), then looked up by
// hash in its copy like any other key.
const verifiers: LocalVerifier[] = [];
test.afterEach(async () => {
  await Promise.all(verifiers.splice(0).map((v) => v.close()));
});

const foreignSecret = () => `atlas_${randomBytes(24).toString("base64url")}`;
const base64url = (secret: string) => createHash("sha256").update(secret).digest("base64url");

test("answers imported keys in another format from its copy, as the server does", async ({ baseURL }) => {
  const own = await signUpWithWorkspace(baseURL!);
  const verifierKey = await createKey(own.api, { name: "Verifier", scopes: ["keys.verify"] });
  const local = (): LocalVerifier => {
    const verifier = new Keysmith({ baseUrl: baseURL!, apiKey: verifierKey.key, retries: 0 }).createVerifier({
      mode: "local",
    });
    verifiers.push(verifier);
    return verifier;
  };
  const machine = await anonymous(baseURL!);
  const server = async (key: string, extra: Record<string, unknown> = {}): Promise<VerifyResult> =>
    json(await machine.post("/api/v1/keys/verify", { headers: bearer(verifierKey.key), data: { key, ...extra } }), 200);

  const early = local();
  await early.ready();
  const secret = foreignSecret();
  // Nothing imported yet: malformed, here and on the server.
  expect(early.verifySync(secret)).toEqual(await server(secret));
  expect(early.verifySync(secret)?.code).toBe("MALFORMED");

  const imported = await json(
    await own.api.post("/api/v1/keys/import", {
      data: { keys: [{ hash: base64url(secret), name: "Atlas client", scopes: ["keys.read"] }] },
    }),
    201,
  );
  const keyId = imported.keys[0].id;
  // The import's event brings the key and opens the lookup of other formats: no server call.
  await expect.poll(() => early.verifySync(secret)?.code, { timeout: 2000 }).toBe("VALID");
  expect(early.verifySync(secret, { requiredScopes: ["keys.read"] })).toEqual(
    await server(secret, { requiredScopes: ["keys.read"] }),
  );
  expect(early.verifySync(secret)).toMatchObject({ keyId, workspaceId: own.workspace.id, role: "owner" });

  // A verifier started after the import learns it from the snapshot.
  const late = local();
  await late.ready();
  expect(late.verifySync(secret)).toEqual(await server(secret));
  // An unknown key in another format: asked of the server once, then remembered as NOT_FOUND.
  const unknown = foreignSecret();
  expect(late.verifySync(unknown)).toBeNull();
  expect((await late.verify(unknown)).code).toBe("NOT_FOUND");
  expect(late.verifySync(unknown)).toEqual(await server(unknown));
  // Too short to be anyone's key: still malformed without asking.
  expect(late.verifySync("short-key")).toEqual(await server("short-key"));

  await json(await own.api.delete(`/api/v1/keys/${keyId}`), 200);
  await expect.poll(() => late.verifySync(secret)?.code, { timeout: 2000 }).toBe("REVOKED");
  expect(late.verifySync(secret)).toEqual(await server(secret));
});
