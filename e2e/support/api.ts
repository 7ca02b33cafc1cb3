import { randomUUID } from "node:crypto";
import { type APIRequestContext, type APIResponse, expect, request } from "@playwright/test";

export interface SignedInUser {
  api: APIRequestContext;
  userId: string;
  name: string;
  email: string;
}

export interface WorkspaceOwner extends SignedInUser {
  workspace: { id: string; slug: string; keyPrefix: string; organizationId: string };
}

export const PASSWORD = "correct-horse-battery";

// biome-ignore lint/suspicious/noExplicitAny: test responses are checked by assertions, not types
export async function json<T = any>(response: APIResponse, status?: number): Promise<T> {
  if (status !== undefined) expect(response.status(), await response.text()).toBe(status);
  return response.json();
}

/** A new user signed in through better-auth, like the sign-up page does; no workspace yet. */
export async function signUp(baseURL: string, label = "user"): Promise<SignedInUser> {
  // Cookie-authenticated mutations must carry a same-origin Origin header (CSRF rule).
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const id = randomUUID().slice(0, 8);
  const email = `${label}-${id}@example.com`;
  const name = `${label} ${id}`;
  const body = await json(
    await api.post("/api/auth/sign-up/email", { data: { name, email, password: PASSWORD } }),
    200,
  );
  return { api, userId: body.user.id, name, email };
}

export async function signUpWithWorkspace(baseURL: string, keyPrefix = "sk"): Promise<WorkspaceOwner> {
  const user = await signUp(baseURL, "owner");
  const slug = `ws-${randomUUID().slice(0, 8)}`;
  const workspace = await json(
    await user.api.post("/api/v1/workspaces", { data: { name: `Workspace ${slug}`, slug, keyPrefix } }),
    201,
  );
  return { ...user, workspace };
}

/** Invites a new user with `role` and has them accept through the invite link's API. */
export async function addMember(baseURL: string, owner: WorkspaceOwner, role: "owner" | "admin" | "member") {
  const user = await signUp(baseURL, role);
  const invitation = await json(
    await owner.api.post("/api/v1/members/invitations", { data: { email: user.email, role } }),
    201,
  );
  await json(await user.api.post(`/api/v1/invitations/${invitation.id}/accept`), 200);
  const members = await json(await owner.api.get("/api/v1/members"), 200);
  const member = members.data.find((m: { userId: string }) => m.userId === user.userId);
  return { ...user, memberId: member.id as string };
}

export interface CreatedKey {
  id: string;
  key: string;
  scopes: string[];
  [field: string]: unknown;
}

export async function createKey(api: APIRequestContext, data: Record<string, unknown> = {}): Promise<CreatedKey> {
  return json(await api.post("/api/v1/keys", { data: { name: "Test key", ...data } }), 201);
}

/** A fresh request context with no cookies, as a machine client would be. */
export function anonymous(baseURL: string): Promise<APIRequestContext> {
  return request.newContext({ baseURL });
}

export function bearer(key: string): Record<string, string> {
  return { authorization: `Bearer ${key}` };
}

export async function verify(api: APIRequestContext, data: Record<string, unknown>) {
  return json(await api.post("/api/v1/keys/verify", { data }), 200);
}
