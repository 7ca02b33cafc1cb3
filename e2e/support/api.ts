import { randomUUID } from "node:crypto";
import { type APIRequestContext, expect, request } from "@playwright/test";

export interface SignedInUser {
  api: APIRequestContext;
  email: string;
  workspace: { id: string; slug: string; keyPrefix: string };
}

/** A new user with a new workspace, signed in through better-auth like the sign-up page does. */
export async function signUpWithWorkspace(baseURL: string, keyPrefix = "sk"): Promise<SignedInUser> {
  // Cookie-authenticated mutations must carry a same-origin Origin header (CSRF rule).
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const id = randomUUID().slice(0, 8);
  const email = `user-${id}@example.com`;
  const signUp = await api.post("/api/auth/sign-up/email", {
    data: { name: `User ${id}`, email, password: "correct-horse-battery" },
  });
  expect(signUp.status(), await signUp.text()).toBe(200);
  const created = await api.post("/api/v1/workspaces", {
    data: { name: `Workspace ${id}`, slug: `ws-${id}`, keyPrefix },
  });
  expect(created.status(), await created.text()).toBe(201);
  return { api, email, workspace: await created.json() };
}

/** A fresh request context with no cookies, as a machine client would be. */
export function anonymous(baseURL: string): Promise<APIRequestContext> {
  return request.newContext({ baseURL });
}
