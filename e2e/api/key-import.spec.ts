import { createHash, randomBytes } from "node:crypto";
import { generateKey } from "../../lib/keys/format";
import { addMember, anonymous, bearer, createKey, json, signUpWithWorkspace, verify } from "../support/api";
import { freePort, metric, startServer } from "../support/server";
import { expect, test } from "../support/test";

/**
 * POST /api/v1/keys/import, as a team moving from another product uses it: keys known only by
 * the SHA-256 of their secrets, in that product's format, then presented by their holders.
 */
const IMPORT = "/api/v1/keys/import";

/** A secret in another product's format (better-auth's api-key plugin, Unkey …). */
const foreignSecret = (prefix = "atlas_") => `${prefix}${randomBytes(24).toString("base64url")}`;
const sha256 = (secret: string) => createHash("sha256").update(secret).digest();
const hex = (secret: string) => sha256(secret).toString("hex");
const base64url = (secret: string) => sha256(secret).toString("base64url");
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

test("imported keys (hex and base64url hashes) verify and authenticate like keys made here", async ({ baseURL }) => {
  const owner = await signUpWithWorkspace(baseURL!);
  const machine = await anonymous(baseURL!);
  const atlas = foreignSecret("atlas_");
  const unkey = foreignSecret("uk_");
  const imported = await json(
    await owner.api.post(IMPORT, {
      data: {
        keys: [
          { hash: hex(atlas), name: "Atlas billing", scopes: ["keys.read"], prefix: "atlas_" },
          { hash: base64url(unkey), name: "Unkey reports", environment: "test", expiresAt: inDays(30) },
        ],
      },
    }),
    201,
  );
  expect(imported.imported).toBe(2);
  const [atlasKey, unkeyKey] = imported.keys;
  expect(atlasKey).toMatchObject({
    name: "Atlas billing",
    maskedKey: "atlas_…",
    scopes: ["keys.read"],
    status: "active",
  });
  expect(unkeyKey).toMatchObject({ name: "Unkey reports", maskedKey: "…", environment: "test", scopes: [] });
  // Nothing about the hash (or anything derived from it) leaves the API.
  for (const secret of [atlas, unkey]) {
    for (const hash of [hex(secret), base64url(secret)])
      expect(JSON.stringify(imported)).not.toContain(hash.slice(0, 8));
  }

  expect(await verify(machine, { key: atlas })).toMatchObject({
    valid: true,
    code: "VALID",
    keyId: atlasKey.id,
    workspaceId: owner.workspace.id,
    environment: "live",
    scopes: ["keys.read"],
    role: "owner",
  });
  expect(await verify(machine, { key: unkey, requiredScopes: ["keys.read"] })).toMatchObject({
    code: "INSUFFICIENT_SCOPE",
    environment: "test",
    expiresAt: unkeyKey.expiresAt,
  });

  // The REST API takes them as credentials, within their scopes.
  const list = await json(await machine.get("/api/v1/keys", { headers: bearer(atlas) }), 200);
  expect(list.data.map((key: { id: string }) => key.id)).toEqual(expect.arrayContaining([atlasKey.id, unkeyKey.id]));
  expect(await json(await machine.get("/api/v1/me", { headers: { "x-api-key": unkey } }), 200)).toMatchObject({
    key: { id: unkeyKey.id },
    workspace: { id: owner.workspace.id },
  });
  expect((await machine.get("/api/v1/keys", { headers: bearer(unkey) })).status()).toBe(403);

  // Keysmith's own format keeps its checksum fast-reject, imports or not.
  const native = generateKey(owner.workspace.keyPrefix, "live");
  expect((await verify(machine, { key: native.slice(0, -1) + (native.endsWith("x") ? "y" : "x") })).code).toBe(
    "MALFORMED",
  );
  expect((await verify(machine, { key: "short-key" })).code).toBe("MALFORMED");

  // Each import is a key.created event that says so; revoking an imported key works at once.
  const audit = await json(await owner.api.get("/api/v1/audit?action=key.created"), 200);
  const events = audit.data.filter((event: { target: { id: string } }) =>
    [atlasKey.id, unkeyKey.id].includes(event.target.id),
  );
  expect(events).toHaveLength(2);
  for (const event of events) expect(event.metadata).toMatchObject({ imported: true });
  await json(await owner.api.delete(`/api/v1/keys/${atlasKey.id}`), 200);
  expect((await verify(machine, { key: atlas })).code).toBe("REVOKED");
  expect((await machine.get("/api/v1/me", { headers: bearer(atlas) })).status()).toBe(401);
});

test("a verifier key looks keys in other formats up only if its own workspace imported keys", async ({ baseURL }) => {
  const importer = await signUpWithWorkspace(baseURL!);
  const other = await signUpWithWorkspace(baseURL!);
  const importerVerifier = await createKey(importer.api, { name: "Verifier", scopes: ["keys.verify"] });
  const otherVerifier = await createKey(other.api, { name: "Verifier", scopes: ["keys.verify"] });
  const machine = await anonymous(baseURL!);
  const asVerifier = async (verifierKey: string, key: string) =>
    (await json(await machine.post("/api/v1/keys/verify", { headers: bearer(verifierKey), data: { key } }), 200)).code;

  const secret = foreignSecret();
  expect(await asVerifier(importerVerifier.key, secret)).toBe("MALFORMED");
  await json(await importer.api.post(IMPORT, { data: { keys: [{ hash: base64url(secret), name: "Imported" }] } }), 201);
  expect(await asVerifier(importerVerifier.key, secret)).toBe("VALID");
  expect(await asVerifier(importerVerifier.key, foreignSecret())).toBe("NOT_FOUND");
  // The other workspace imported nothing: text in another format is malformed there, as before.
  expect(await asVerifier(otherVerifier.key, secret)).toBe("MALFORMED");
  expect(await asVerifier(otherVerifier.key, foreignSecret())).toBe("MALFORMED");
});

test("bad imports: too many, bad or repeated hashes, a taken hash, scopes and rights beyond the caller's", async ({
  baseURL,
}) => {
  const owner = await signUpWithWorkspace(baseURL!);
  const stranger = await signUpWithWorkspace(baseURL!);
  const member = await addMember(baseURL!, owner, "member");
  const machine = await anonymous(baseURL!);
  const item = (secret = foreignSecret(), extra: Record<string, unknown> = {}) => ({
    hash: hex(secret),
    name: "Imported key",
    ...extra,
  });
  const refusal = async (api: typeof owner.api, keys: unknown[], status: number) =>
    (await json(await api.post(IMPORT, { data: { keys } }), status)).error;
  const fields = (error: { details?: { issues?: { field: string }[] } }) =>
    error.details?.issues?.map((issue) => issue.field);

  const tooMany = await refusal(
    owner.api,
    Array.from({ length: 1_001 }, () => item()),
    400,
  );
  expect(fields(tooMany)).toEqual(["keys"]);
  expect(fields(await refusal(owner.api, [], 400))).toEqual(["keys"]);

  const badHashes = ["", "abc", "g".repeat(64), `${"A".repeat(42)}B`, hex("x").slice(0, 63), `${hex("x")}00`];
  for (const hash of badHashes) {
    const error = await refusal(owner.api, [item(), item(), item(), { ...item(), hash }], 400);
    expect(fields(error), hash).toEqual(["keys.3.hash"]);
  }
  const twice = foreignSecret();
  // The same key twice in one call, even in two encodings.
  expect(fields(await refusal(owner.api, [item(twice), { ...item(), hash: base64url(twice) }], 400))).toEqual([
    "keys.1.hash",
  ]);
  expect(fields(await refusal(owner.api, [item(undefined, { expiresAt: inDays(-1) })], 400))).toEqual([
    "keys.0.expiresAt",
  ]);
  expect(fields(await refusal(owner.api, [item(undefined, { prefix: "has space" })], 400))).toEqual(["keys.0.prefix"]);

  // A hash already in Keysmith (here another workspace's) is a 409 naming the item, not the owner.
  const taken = foreignSecret();
  await json(await stranger.api.post(IMPORT, { data: { keys: [item(taken)] } }), 201);
  const fresh = foreignSecret();
  const conflict = await refusal(owner.api, [item(fresh), item(taken)], 409);
  expect(fields(conflict)).toEqual(["keys.1.hash"]);
  expect(JSON.stringify(conflict)).not.toContain(stranger.workspace.id);
  expect(JSON.stringify(conflict)).not.toContain(stranger.workspace.slug);
  // All or nothing: the other key of the refused call was not imported.
  expect((await verify(machine, { key: fresh })).code).toBe("NOT_FOUND");

  // A member holds no keys.write; a key needs it and a workspace that lets keys mint keys.
  expect((await refusal(member.api, [item()], 403)).message).toMatch(/keys\.write/);
  const writer = await createKey(owner.api, { name: "Writer", scopes: ["keys.read", "keys.write"] });
  const asWriter = (keys: unknown[]) => machine.post(IMPORT, { headers: bearer(writer.key), data: { keys } });
  expect((await json(await asWriter([item()]), 403)).error.message).toMatch(/mint/);
  await json(await owner.api.patch("/api/v1/workspace", { data: { allowKeyMinting: true } }), 200);
  // No more scopes than the importer holds.
  const beyond = await json(await asWriter([item(), item(undefined, { scopes: ["members.write"] })]), 403);
  expect(fields(beyond.error)).toEqual(["keys.1.scopes"]);
  await json(await asWriter([item(undefined, { scopes: ["keys.read"] })]), 201);
});

test("the real @better-auth/api-key plugin's keys verify after importing the hashes it stored", async ({ baseURL }) => {
  test.setTimeout(120_000);
  // The benchmark's peer: better-auth with its api-key plugin, here on an in-memory PGlite.
  const { createPeerAuth } = await import("../../bench/peer/auth");
  const { getMigrations } = await import("better-auth/db/migration");
  const { auth, db } = createPeerAuth("memory://");
  try {
    await (await getMigrations(auth.options)).runMigrations();
    const { user } = await auth.api.signUpEmail({
      body: { name: "Atlas", email: "atlas@example.com", password: "atlas-password-123" },
    });
    const created = [];
    for (const [name, prefix] of [
      ["Atlas billing", "atlas_"],
      ["Atlas reports", undefined],
      ["Atlas search", "srch-"],
    ] as const) {
      created.push(await auth.api.createApiKey({ body: { userId: user.id, name, ...(prefix ? { prefix } : {}) } }));
    }
    // What the plugin keeps: the hash of each key (base64url SHA-256), never the key.
    const stored = await db.query<{ key: string; name: string; prefix: string | null }>(
      `SELECT "key", "name", "prefix" FROM "apikey" ORDER BY "createdAt"`,
    );
    expect(stored.rows).toHaveLength(3);
    for (const row of stored.rows) expect(row.key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(stored.rows.map((row) => row.key)).not.toContain(created[0].key);
    // The plugin itself accepts them.
    expect((await auth.api.verifyApiKey({ body: { key: created[0].key } })).valid).toBe(true);

    const owner = await signUpWithWorkspace(baseURL!);
    const imported = await json(
      await owner.api.post(IMPORT, {
        data: {
          keys: stored.rows.map((row) => ({
            hash: row.key,
            name: row.name,
            scopes: ["keys.read"],
            ...(row.prefix ? { prefix: row.prefix } : {}),
          })),
        },
      }),
      201,
    );
    expect(imported.keys.map((key: { maskedKey: string }) => key.maskedKey)).toEqual(["atlas_…", "…", "srch-…"]);
    const machine = await anonymous(baseURL!);
    for (const [i, key] of created.entries()) {
      expect(await verify(machine, { key: key.key, requiredScopes: ["keys.read"] })).toMatchObject({
        valid: true,
        code: "VALID",
        keyId: imported.keys[i].id,
      });
      // And they authenticate Keysmith's own API.
      await json(await machine.get("/api/v1/me", { headers: bearer(key.key) }), 200);
    }
    // One character off is just an unknown key.
    const off = created[0].key.slice(0, -1) + (created[0].key.endsWith("a") ? "b" : "a");
    expect((await verify(machine, { key: off })).code).toBe("NOT_FOUND");
  } finally {
    await db.close();
  }
});

/**
 * Imports must not open a path to cheap database reads: on the embedded database the key index
 * knows every key, imported ones included, so an unknown key in any format costs no read. Its
 * own server, so that the metrics count this test alone.
 */
test("1,000 unknown keys in another format cost no database read; before any import they are MALFORMED", async () => {
  test.setTimeout(180_000);
  const server = await startServer(await freePort());
  try {
    const owner = await signUpWithWorkspace(server.url);
    const verifierKey = (await createKey(owner.api, { name: "Verifier", scopes: ["keys.verify"] })).key;
    const post = async (body: unknown, headers: Record<string, string> = {}) => {
      const res = await fetch(`${server.url}/api/v1/keys/verify`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { code: string }).code;
    };
    expect(await post({ key: foreignSecret() })).toBe("MALFORMED");

    const secret = foreignSecret();
    await json(await owner.api.post(IMPORT, { data: { keys: [{ hash: base64url(secret), name: "Imported" }] } }), 201);
    expect(await post({ key: secret })).toBe("VALID"); // cached from here on
    expect(await post({ key: secret }, bearer(verifierKey))).toBe("VALID"); // the verifier key too

    const before = await counters(server.url);
    const codes = new Map<string, number>();
    for (let i = 0; i < 1_000; i++) {
      const code = await post({ key: foreignSecret() }, i % 2 ? bearer(verifierKey) : {});
      codes.set(code, (codes.get(code) ?? 0) + 1);
    }
    const after = await counters(server.url);
    expect(Object.fromEntries(codes)).toEqual({ NOT_FOUND: 1_000 });
    expect(after.lookups - before.lookups).toBe(0);
    expect(after.unknownRefused - before.unknownRefused).toBe(1_000);
    expect(after.budgetRefusals - before.budgetRefusals).toBe(0);
    // Every statement sent meanwhile was a usage write (the 2-second flush), none a read.
    expect(after.queries - before.queries).toBe(after.writes - before.writes);
  } finally {
    await server.stop("SIGKILL");
  }
});

async function counters(url: string) {
  return {
    lookups: await metric(url, "keysmith_key_lookups_total"),
    unknownRefused: await metric(url, "keysmith_unknown_keys_refused_total"),
    budgetRefusals: await metric(url, "keysmith_lookup_budget_refusals_total"),
    queries: await metric(url, "keysmith_db_queries_total"),
    writes: await metric(url, "keysmith_db_writes_total"),
  };
}
