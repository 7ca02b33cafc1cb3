import { randomUUID } from "node:crypto";
import { type APIRequestContext, type Browser, type BrowserContext, request } from "@playwright/test";
import { json, PASSWORD } from "./api";

/** Someone with a real-looking name, signed up through better-auth, with a request context of their own. */
export interface Person {
  api: APIRequestContext;
  userId: string;
  name: string;
  email: string;
}

export interface Owner extends Person {
  workspace: { id: string; slug: string; name: string; keyPrefix: string };
}

export async function signUpPerson(
  baseURL: string,
  name: string,
  email = `${name.toLowerCase().replace(/\W+/g, ".")}-${randomUUID().slice(0, 6)}@example.com`,
): Promise<Person> {
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const body = await json(
    await api.post("/api/auth/sign-up/email", { data: { name, email, password: PASSWORD } }),
    200,
  );
  return { api, userId: body.user.id, name, email };
}

/** A person who owns a fresh workspace; every test gets its own, so tests never share members or settings. */
export async function signUpOwner(
  baseURL: string,
  name: string,
  workspaceName: string,
  keyPrefix = "sk",
): Promise<Owner> {
  const person = await signUpPerson(baseURL, name);
  const slug = `${workspaceName.toLowerCase().replace(/\W+/g, "-")}-${randomUUID().slice(0, 6)}`;
  const workspace = await json(
    await person.api.post("/api/v1/workspaces", { data: { name: workspaceName, slug, keyPrefix } }),
    201,
  );
  return { ...person, workspace };
}

/** Invites `person` with `role` and accepts with their session, as the invite link would. */
export async function join(owner: Owner, person: Person, role: "owner" | "admin" | "member"): Promise<string> {
  const headers = { "x-workspace-id": owner.workspace.slug };
  const invitation = await json(
    await owner.api.post("/api/v1/members/invitations", { headers, data: { email: person.email, role } }),
    201,
  );
  await json(await person.api.post(`/api/v1/invitations/${invitation.id}/accept`), 200);
  const members = await json(await owner.api.get("/api/v1/members", { headers }), 200);
  return members.data.find((m: { userId: string }) => m.userId === person.userId).id;
}

/** A browser context signed in as `person` (their session cookie), with clipboard access. */
export async function browserAs(browser: Browser, person: Person): Promise<BrowserContext> {
  return browser.newContext({
    storageState: await person.api.storageState(),
    permissions: ["clipboard-read", "clipboard-write"],
  });
}
