import { createHash, randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { BUILT_IN_SCOPES } from "../../lib/auth/scopes";
import {
  addMember,
  anonymous,
  bearer,
  createKey,
  json,
  PASSWORD,
  signUp,
  signUpWithWorkspace,
  type WorkspaceOwner,
} from "../support/api";
import { expect, test } from "../support/test";

/**
 * Every /api/v1 route × every kind of caller × own/other workspace, each cell asserting
 * its status code. "Other" means the caller names a workspace it does not belong to
 * (x-workspace-id) and the path's ids belong to that workspace.
 */
const PRINCIPALS = ["owner", "admin", "member", "keyWithScope", "keyWithoutScope", "personalKey", "none"] as const;
type PrincipalName = (typeof PRINCIPALS)[number];

interface Target {
  workspace: WorkspaceOwner;
}

interface Route {
  name: string;
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** Builds the path and body against the workspace the cell targets (fresh resources per cell). */
  prepare: (target: Target) => Promise<{ path: string; body?: unknown }>;
  /** Expected status in the caller's own workspace. */
  own: Record<PrincipalName, number>;
  /** Expected status when naming another workspace, where it is not 403 (or 401 when `own` is). */
  other?: Record<PrincipalName, number>;
}

const all = (status: number, none = 401): Record<PrincipalName, number> => ({
  owner: status,
  admin: status,
  member: status,
  keyWithScope: status,
  keyWithoutScope: status,
  personalKey: status,
  none,
});
const scoped = (ok: number, member: number): Record<PrincipalName, number> => ({
  owner: ok,
  admin: ok,
  member,
  keyWithScope: ok,
  keyWithoutScope: 403,
  personalKey: ok,
  none: 401,
});

let baseURL: string;
let invitee = 0;
const freshKey = async ({ workspace }: Target) => (await createKey(workspace.api, { name: "Matrix target" })).id;
const freshMember = async ({ workspace }: Target) => (await addMember(baseURL, workspace, "member")).memberId;
const freshInvitation = async ({ workspace }: Target) =>
  (
    await json(
      await workspace.api.post("/api/v1/members/invitations", {
        data: { email: `pending-${Date.now()}-${invitee++}@example.com`, role: "member" },
      }),
      201,
    )
  ).id;

/** A webhook of the target workspace (its owner adds it), to loopback: deliveries simply fail there. */
const freshWebhook = async ({ workspace }: Target) =>
  (
    await json(
      await workspace.api.post("/api/v1/webhooks", {
        headers: { "x-workspace-id": workspace.workspace.id },
        data: { url: "http://127.0.0.1:9/matrix", events: ["key.*"] },
      }),
      201,
    )
  ).id as string;
/** One of that webhook's deliveries (a test event). */
const freshDelivery = async (target: Target) => {
  const webhook = await freshWebhook(target);
  const headers = { "x-workspace-id": target.workspace.workspace.id };
  const delivery = await json(await target.workspace.api.post(`/api/v1/webhooks/${webhook}/test`, { headers }), 202);
  return `/api/v1/webhooks/${webhook}/deliveries/${delivery.id}/redeliver`;
};
const freshMemberUser = async ({ workspace }: Target) => (await addMember(baseURL, workspace, "member")).userId;
/** The target workspace's organization (its owner reads it). */
const orgOf = async ({ workspace }: Target): Promise<string> =>
  (
    await json(
      await workspace.api.get("/api/v1/workspace", { headers: { "x-workspace-id": workspace.workspace.id } }),
      200,
    )
  ).organizationId;
/**
 * Routes for signed-in users only (keys: 401): the organization routes (outside the
 * organization they name nothing: 404) and the session's own.
 */
const sessionOnly = (owner: number, others: number): Record<PrincipalName, number> => ({
  owner,
  admin: others,
  member: others,
  keyWithScope: 401,
  keyWithoutScope: 401,
  personalKey: 401,
  none: 401,
});

/** Sets who may create the target workspace's keys, and whether keys may (as its owner would). */
const keyCreation =
  (keyCreation: "members" | "admins", allowKeyMinting: boolean) =>
  async ({ workspace }: Target) => {
    await json(await workspace.api.patch("/api/v1/workspace", { data: { keyCreation, allowKeyMinting } }), 200);
    return { path: "/api/v1/keys", body: { name: "Matrix created" } };
  };

const ROUTES: Route[] = [
  { name: "list keys", method: "GET", prepare: async () => ({ path: "/api/v1/keys" }), own: scoped(200, 200) },
  {
    name: "create key (keys may mint)",
    method: "POST",
    prepare: keyCreation("members", true),
    // A key needs keys.write; the personal key is an admin's, so it holds it.
    own: { owner: 201, admin: 201, member: 201, keyWithScope: 201, keyWithoutScope: 403, personalKey: 201, none: 401 },
  },
  {
    name: "create key (key creation: owners and admins)",
    method: "POST",
    prepare: keyCreation("admins", false),
    own: { owner: 201, admin: 201, member: 403, keyWithScope: 403, keyWithoutScope: 403, personalKey: 403, none: 401 },
  },
  {
    name: "create key (key creation: owners and admins; keys may mint)",
    method: "POST",
    prepare: keyCreation("admins", true),
    // The owner's and the admin's keys act with their creators' roles: they may.
    own: { owner: 201, admin: 201, member: 403, keyWithScope: 201, keyWithoutScope: 403, personalKey: 201, none: 401 },
  },
  {
    name: "import keys (keys may mint)",
    method: "POST",
    prepare: async (target) => {
      await keyCreation("members", true)(target);
      const hash = createHash("sha256").update(randomUUID()).digest("hex");
      return { path: "/api/v1/keys/import", body: { keys: [{ hash, name: "Matrix imported" }] } };
    },
    // keys.write, which a member does not hold; keys need it and key minting.
    own: { owner: 201, admin: 201, member: 403, keyWithScope: 201, keyWithoutScope: 403, personalKey: 201, none: 401 },
  },
  {
    name: "create key",
    method: "POST",
    prepare: keyCreation("members", false),
    // Any member may create keys within their role; keys may not mint keys (minting is off).
    // Last of the four: it puts both settings back to their defaults for the rows after it.
    own: { owner: 201, admin: 201, member: 201, keyWithScope: 403, keyWithoutScope: 403, personalKey: 403, none: 401 },
  },
  {
    name: "get key",
    method: "GET",
    prepare: async (t) => ({ path: `/api/v1/keys/${await freshKey(t)}` }),
    own: scoped(200, 200),
  },
  {
    name: "update key",
    method: "PATCH",
    prepare: async (t) => ({ path: `/api/v1/keys/${await freshKey(t)}`, body: { name: "Renamed" } }),
    own: scoped(200, 403),
  },
  {
    name: "revoke key (DELETE)",
    method: "DELETE",
    prepare: async (t) => ({ path: `/api/v1/keys/${await freshKey(t)}` }),
    own: scoped(200, 403),
  },
  {
    name: "revoke key (POST)",
    method: "POST",
    prepare: async (t) => ({ path: `/api/v1/keys/${await freshKey(t)}/revoke` }),
    own: scoped(200, 403),
  },
  {
    name: "rotate key",
    method: "POST",
    prepare: async (t) => ({ path: `/api/v1/keys/${await freshKey(t)}/rotate`, body: { gracePeriod: "1h" } }),
    own: scoped(201, 403),
  },
  {
    name: "key hygiene report",
    method: "GET",
    prepare: async () => ({ path: "/api/v1/keys/hygiene" }),
    own: scoped(200, 200),
  },
  {
    name: "bulk revoke keys",
    method: "POST",
    prepare: async (t) => ({ path: "/api/v1/keys/bulk/revoke", body: { ids: [await freshKey(t)] } }),
    own: scoped(200, 403),
  },
  {
    name: "bulk disable keys",
    method: "POST",
    prepare: async (t) => ({ path: "/api/v1/keys/bulk/disable", body: { ids: [await freshKey(t)] } }),
    own: scoped(200, 403),
  },
  { name: "me", method: "GET", prepare: async () => ({ path: "/api/v1/me" }), own: all(200) },
  { name: "get personal key", method: "GET", prepare: async () => ({ path: "/api/v1/me/key" }), own: all(200) },
  {
    name: "issue personal key",
    method: "POST",
    prepare: async () => ({ path: "/api/v1/me/key" }),
    own: { owner: 201, admin: 201, member: 201, keyWithScope: 403, keyWithoutScope: 403, personalKey: 403, none: 401 },
  },
  {
    // Each user revokes the personal key the row above issued them (a key may not revoke it).
    name: "revoke personal key",
    method: "DELETE",
    prepare: async () => ({ path: "/api/v1/me/key" }),
    own: { owner: 200, admin: 200, member: 200, keyWithScope: 403, keyWithoutScope: 403, personalKey: 403, none: 401 },
  },
  {
    // A sign-in to refresh is a session's: keys have none (401). The workspace named changes nothing.
    name: "confirm it's you",
    method: "POST",
    prepare: async () => ({ path: "/api/v1/me/reauthenticate", body: { password: PASSWORD } }),
    own: sessionOnly(200, 200),
    other: sessionOnly(200, 200),
  },
  { name: "get workspace", method: "GET", prepare: async () => ({ path: "/api/v1/workspace" }), own: scoped(200, 200) },
  {
    name: "update workspace",
    method: "PATCH",
    prepare: async () => ({ path: "/api/v1/workspace", body: { name: "Matrix workspace" } }),
    own: scoped(200, 403),
  },
  { name: "list members", method: "GET", prepare: async () => ({ path: "/api/v1/members" }), own: scoped(200, 200) },
  {
    name: "change member role",
    method: "PATCH",
    prepare: async (t) => ({ path: `/api/v1/members/${await freshMember(t)}`, body: { role: "admin" } }),
    own: scoped(200, 403),
  },
  {
    name: "remove member",
    method: "DELETE",
    prepare: async (t) => ({ path: `/api/v1/members/${await freshMember(t)}` }),
    own: scoped(204, 403),
  },
  {
    name: "list invitations",
    method: "GET",
    prepare: async () => ({ path: "/api/v1/members/invitations" }),
    own: scoped(200, 200),
  },
  {
    name: "invite member",
    method: "POST",
    prepare: async () => ({
      path: "/api/v1/members/invitations",
      body: { email: `new-${Date.now()}-${invitee++}@example.com`, role: "member" },
    }),
    own: scoped(201, 403),
  },
  {
    name: "cancel invitation",
    method: "DELETE",
    prepare: async (t) => ({ path: `/api/v1/members/invitations/${await freshInvitation(t)}` }),
    own: scoped(204, 403),
  },
  { name: "audit log", method: "GET", prepare: async () => ({ path: "/api/v1/audit" }), own: scoped(200, 200) },
  {
    name: "audit CSV export",
    method: "GET",
    prepare: async () => ({ path: "/api/v1/audit/export" }),
    own: scoped(200, 200),
  },
  {
    name: "verifier snapshot",
    method: "GET",
    prepare: async () => ({ path: "/api/v1/keys/verify/snapshot?limit=1" }),
    own: scoped(200, 200),
  },
  {
    name: "verifier usage report",
    method: "POST",
    prepare: async (t) => ({
      path: "/api/v1/keys/verify/usage",
      body: { usage: [{ keyId: await freshKey(t), success: 1, failure: 0 }] },
    }),
    own: scoped(200, 200),
  },
  // Webhooks: workspace.write, which members do not hold.
  { name: "list webhooks", method: "GET", prepare: async () => ({ path: "/api/v1/webhooks" }), own: scoped(200, 403) },
  {
    name: "create webhook",
    method: "POST",
    prepare: async () => ({ path: "/api/v1/webhooks", body: { url: "http://127.0.0.1:9/matrix", events: ["key.*"] } }),
    own: scoped(201, 403),
  },
  {
    name: "get webhook",
    method: "GET",
    prepare: async (t) => ({ path: `/api/v1/webhooks/${await freshWebhook(t)}` }),
    own: scoped(200, 403),
  },
  {
    name: "update webhook",
    method: "PATCH",
    prepare: async (t) => ({ path: `/api/v1/webhooks/${await freshWebhook(t)}`, body: { enabled: false } }),
    own: scoped(200, 403),
  },
  {
    name: "delete webhook",
    method: "DELETE",
    prepare: async (t) => ({ path: `/api/v1/webhooks/${await freshWebhook(t)}` }),
    own: scoped(204, 403),
  },
  {
    name: "rotate webhook secret",
    method: "POST",
    prepare: async (t) => ({ path: `/api/v1/webhooks/${await freshWebhook(t)}/rotate-secret` }),
    own: scoped(200, 403),
  },
  {
    name: "webhook deliveries",
    method: "GET",
    prepare: async (t) => ({ path: `/api/v1/webhooks/${await freshWebhook(t)}/deliveries` }),
    own: scoped(200, 403),
  },
  {
    name: "webhook test event",
    method: "POST",
    prepare: async (t) => ({ path: `/api/v1/webhooks/${await freshWebhook(t)}/test` }),
    own: scoped(202, 403),
  },
  {
    name: "redeliver webhook delivery",
    method: "POST",
    prepare: async (t) => ({ path: await freshDelivery(t) }),
    own: scoped(202, 403),
  },
  // Organizations: the workspace's owner owns its organization; its admin and member are organization members.
  {
    name: "list organizations",
    method: "GET",
    prepare: async () => ({ path: "/api/v1/orgs" }),
    own: sessionOnly(200, 200),
    other: sessionOnly(200, 200),
  },
  {
    name: "get organization",
    method: "GET",
    prepare: async (t) => ({ path: `/api/v1/orgs/${await orgOf(t)}` }),
    own: sessionOnly(200, 200),
    other: sessionOnly(404, 404),
  },
  {
    name: "rename organization",
    method: "PATCH",
    prepare: async (t) => ({ path: `/api/v1/orgs/${await orgOf(t)}`, body: { name: "Matrix organization" } }),
    own: sessionOnly(200, 403),
    other: sessionOnly(404, 404),
  },
  {
    name: "change organization role",
    method: "PATCH",
    prepare: async (t) => ({
      path: `/api/v1/orgs/${await orgOf(t)}/members/${await freshMemberUser(t)}`,
      body: { role: "admin" },
    }),
    own: sessionOnly(200, 403),
    other: sessionOnly(404, 404),
  },
  {
    name: "create workspace in organization",
    method: "POST",
    prepare: async (t) => ({
      path: "/api/v1/workspaces",
      body: { name: "Matrix child", slug: `matrix-${Date.now()}-${invitee++}`, organizationId: await orgOf(t) },
    }),
    own: sessionOnly(201, 403),
    other: sessionOnly(404, 404),
  },
  {
    name: "create organization key",
    method: "POST",
    prepare: async () => ({ path: "/api/v1/keys", body: { name: "Matrix org key", kind: "organization" } }),
    // Organization owners and admins only; keys may not mint keys here.
    own: { owner: 201, admin: 403, member: 403, keyWithScope: 403, keyWithoutScope: 403, personalKey: 403, none: 401 },
  },
  {
    // No credential needed; a key sent along is a verifier key: it must hold keys.verify and act
    // in its own workspace. Session cookies play no part.
    name: "verify (no credential, or a verifier key)",
    method: "POST",
    prepare: async () => ({ path: "/api/v1/keys/verify", body: { key: "sk_live_not-a-key" } }),
    own: { ...all(200, 200), keyWithoutScope: 403 },
    other: { ...all(200, 200), keyWithScope: 403, keyWithoutScope: 403, personalKey: 403 },
  },
  {
    // No credential needed, and any sent is ignored: whoever finds a key reports it, and the
    // answer is the same for everyone.
    name: "report a leak (no credential)",
    method: "POST",
    prepare: async () => ({
      path: "/api/v1/keys/report-leak",
      body: { keys: ["sk_live_not-a-key"], source: "matrix" },
    }),
    own: all(202, 202),
    other: all(202, 202),
  },
];

const CELLS = ROUTES.length * PRINCIPALS.length * 2;

test.describe.configure({ mode: "serial" });

test(`authorization matrix: ${ROUTES.length} routes × ${PRINCIPALS.length} callers × own/other workspace = ${CELLS} cells`, async ({
  baseURL: url,
}) => {
  test.setTimeout(300_000);
  baseURL = url!;
  const own = await signUpWithWorkspace(baseURL);
  const other = await signUpWithWorkspace(baseURL);
  const admin = await addMember(baseURL, own, "admin");
  const member = await addMember(baseURL, own, "member");
  const keyWithScope = await createKey(own.api, { name: "Full key", scopes: [...BUILT_IN_SCOPES] });
  const keyWithoutScope = await createKey(own.api, { name: "Empty key", scopes: [] });
  // The personal key's owner is not a caller, so the matrix's own POST /me/key cannot rotate it away.
  const personalKeyOwner = await addMember(baseURL, own, "admin");
  const personalKey = await json(await personalKeyOwner.api.post("/api/v1/me/key"), 201);
  const machine = await anonymous(baseURL);
  // A user with no workspace at all is not in the matrix: signing up alone grants nothing.
  const loner = await signUp(baseURL, "loner");
  expect((await loner.api.get("/api/v1/keys")).status()).toBe(404);

  const callers: Record<PrincipalName, { api: APIRequestContext; headers: Record<string, string> }> = {
    owner: { api: own.api, headers: {} },
    admin: { api: admin.api, headers: {} },
    member: { api: member.api, headers: {} },
    keyWithScope: { api: machine, headers: bearer(keyWithScope.key) },
    keyWithoutScope: { api: machine, headers: { "x-api-key": keyWithoutScope.key } },
    personalKey: { api: machine, headers: bearer(personalKey.key) },
    none: { api: machine, headers: {} },
  };

  const mismatches: string[] = [];
  let checked = 0;
  for (const route of ROUTES) {
    for (const principal of PRINCIPALS) {
      for (const where of ["own", "other"] as const) {
        const target = where === "own" ? own : other;
        const { path, body } = await route.prepare({ workspace: target });
        const caller = callers[principal];
        const headers = { ...caller.headers, ...(where === "other" ? { "x-workspace-id": other.workspace.id } : {}) };
        const response = await caller.api.fetch(path, { method: route.method, headers, data: body });
        const expected =
          where === "own" || route.own[principal] === 401 ? route.own[principal] : (route.other?.[principal] ?? 403);
        checked++;
        if (response.status() !== expected) {
          mismatches.push(
            `${route.method} ${route.name} as ${principal} in ${where}: expected ${expected}, got ${response.status()} ${await response.text()}`,
          );
        } else if (expected >= 400) {
          // Every refusal uses the error contract.
          const error = (await response.json()).error;
          if (!error?.code || !error?.message) mismatches.push(`${route.name} as ${principal}: no error body`);
        }
      }
    }
  }
  expect(checked).toBe(CELLS);
  expect(mismatches, mismatches.join("\n")).toEqual([]);
});
