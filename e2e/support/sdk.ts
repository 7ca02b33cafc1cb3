import { Keysmith } from "@keysmith/sdk";
import { expect } from "@playwright/test";
import { createKey, json, signUpWithWorkspace, type WorkspaceOwner } from "./api";

/** Every scope an admin's key may hold: enough for the SDK to do everything it can. */
export const ADMIN_SCOPES = ["keys.read", "keys.write", "keys.verify", "audit.read", "members.read", "workspace.read"];

export interface SdkWorkspace {
  owner: WorkspaceOwner;
  /** An admin key of the workspace, allowed to mint keys. */
  adminKey: string;
  keysmith: Keysmith;
}

/** A fresh workspace whose owner made an admin key (key minting allowed), and an SDK client using it. */
export async function sdkWorkspace(baseURL: string): Promise<SdkWorkspace> {
  const owner = await signUpWithWorkspace(baseURL);
  await json(await owner.api.patch("/api/v1/workspace", { data: { allowKeyMinting: true } }), 200);
  const admin = await createKey(owner.api, { name: "SDK admin", scopes: ADMIN_SCOPES });
  return { owner, adminKey: admin.key, keysmith: new Keysmith({ baseUrl: baseURL, apiKey: admin.key }) };
}

/**
 * What every middleware must do, checked over HTTP against an app serving `/open` (any usable
 * key), `/audit` (requires audit.read) and `/custom` (onRefuse answers 418 `{refused: reason}`),
 * each answering `{keysmith}` (the verify answer) to a usable key. The apps read the client's
 * address from the socket (Express, Hono) or from x-forwarded-for (Next), sent here as 127.0.0.1.
 */
export async function checkMiddleware(appUrl: string, { owner }: SdkWorkspace): Promise<void> {
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${appUrl}${path}`, { headers: { "x-forwarded-for": "127.0.0.1", ...headers } });
  const refused = async (response: Response, status: number, code: string, message: string | RegExp) => {
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toContain("application/json");
    const body = await response.json();
    expect(body).toEqual({ error: { code, message: expect.stringMatching(message) } });
  };

  // No key at all, or an Authorization that is not Bearer.
  await refused(await get("/open"), 401, "UNAUTHORIZED", /API key is required/);
  await refused(await get("/open", { authorization: "Basic dXNlcjpwYXNz" }), 401, "UNAUTHORIZED", /required/);

  // A usable key, as Bearer or X-API-Key: the handler sees Keysmith's answer.
  const reader = await createKey(owner.api, { name: "Middleware reader", scopes: ["keys.read"] });
  const both: Record<string, string>[] = [{ authorization: `Bearer ${reader.key}` }, { "x-api-key": reader.key }];
  for (const headers of both) {
    const ok = await get("/open", headers);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({
      keysmith: {
        valid: true,
        code: "VALID",
        keyId: reader.id,
        workspaceId: owner.workspace.id,
        environment: "live",
        scopes: ["keys.read"],
        expiresAt: null,
        role: "owner",
        reason: null,
        organizationId: owner.workspace.organizationId,
        scope: "workspace",
      },
    });
  }

  // Not a key, and a key nobody made: 401.
  await refused(await get("/open", { authorization: "Bearer sk_live_nope" }), 401, "UNAUTHORIZED", /malformed/);

  // Insufficient scope: 403; with the scope: 200.
  await refused(await get("/audit", { authorization: `Bearer ${reader.key}` }), 403, "FORBIDDEN", /scope/);
  const auditor = await createKey(owner.api, { name: "Middleware auditor", scopes: ["audit.read"] });
  expect((await get("/audit", { authorization: `Bearer ${auditor.key}` })).status).toBe(200);

  // The client's address reaches verify: a loopback allowlist admits it (a key with an
  // allowlist and no address would be refused), another range does not.
  const local = await createKey(owner.api, { name: "Loopback only", ipAllowlist: ["127.0.0.1/32", "::1/128"] });
  expect((await get("/open", { authorization: `Bearer ${local.key}` })).status).toBe(200);
  const remote = await createKey(owner.api, { name: "Office only", ipAllowlist: ["10.0.0.0/8"] });
  await refused(await get("/open", { authorization: `Bearer ${remote.key}` }), 403, "FORBIDDEN", /IP address/);

  // Over the key's own limit: 429 with Retry-After.
  const limited = await createKey(owner.api, { name: "Limited", rateLimit: { max: 1, windowMs: 60_000 } });
  expect((await get("/open", { authorization: `Bearer ${limited.key}` })).status).toBe(200);
  const over = await get("/open", { authorization: `Bearer ${limited.key}` });
  expect(over.headers.get("retry-after")).toMatch(/^\d+$/);
  await refused(over, 429, "RATE_LIMITED", /limit/);

  // Revoked: 401 at once.
  expect((await owner.api.delete(`/api/v1/keys/${reader.id}`)).status()).toBe(200);
  await refused(await get("/open", { authorization: `Bearer ${reader.key}` }), 401, "UNAUTHORIZED", /revoked/);

  // onRefuse answers instead.
  const custom = await get("/custom", { authorization: `Bearer ${reader.key}` });
  expect(custom.status).toBe(418);
  expect(await custom.json()).toEqual({ refused: "REVOKED" });
  expect((await get("/custom", { authorization: `Bearer ${auditor.key}` })).status).toBe(200);
}
