import { randomUUID } from "node:crypto";
import { test as base, expect, type Locator, type Page } from "@playwright/test";
import { type CreatedKey, json } from "./api";
import { type Owner, type Person, signUpPerson } from "./people";

export type { Owner, Person };

/**
 * Key-page tests each run as a fresh owner of a fresh workspace (so counts, empty states
 * and pages are theirs alone), signed in in the browser through the same session as
 * `owner.api`, which seeds data through the API.
 */
export async function newOwner(
  baseURL: string,
  name = "Ada Lovelace",
  workspaceName = "Acme",
  email?: string,
): Promise<Owner> {
  const person = await signUpPerson(baseURL, name, email);
  const slug = `acme-${randomUUID().slice(0, 8)}`;
  const workspace = await json(
    await person.api.post("/api/v1/workspaces", { data: { name: workspaceName, slug, keyPrefix: "acme" } }),
    201,
  );
  return { ...person, workspace };
}

/** Invites `name` with `role` and has them accept, as the invite page does. */
export async function addPerson(baseURL: string, owner: Owner, name: string, role: "admin" | "member") {
  const person = await signUpPerson(baseURL, name);
  const invitation = await json(
    await owner.api.post("/api/v1/members/invitations", { data: { email: person.email, role } }),
    201,
  );
  await json(await person.api.post(`/api/v1/invitations/${invitation.id}/accept`), 200);
  return person;
}

/** Row elements, found even while a modal dialog hides the table from the accessibility tree. */
export function keyRows(page: Page): Locator {
  return page.getByTestId("key-rows").locator("tr[data-key-id]");
}

export async function seedKey(
  person: Person,
  workspace: Owner["workspace"],
  data: Record<string, unknown>,
): Promise<CreatedKey> {
  return json(
    await person.api.post("/api/v1/keys", { headers: { "x-workspace-id": workspace.id }, data: { ...data } }),
    201,
  );
}

export const test = base.extend<{ owner: Owner }>({
  owner: async ({ baseURL }, use) => {
    const owner = await newOwner(baseURL!);
    await use(owner);
    await owner.api.dispose();
  },
  storageState: async ({ owner }, use) => use(await owner.api.storageState()),
});
export { expect };

export const keysUrl = (owner: Owner, query = "") => `/${owner.workspace.slug}/keys${query ? `?${query}` : ""}`;

export function keyRow(page: Page, name: string | RegExp): Locator {
  return page.getByRole("row").filter({ has: page.getByRole("link", { name, exact: typeof name === "string" }) });
}

export async function openRowAction(page: Page, name: string, action: "Edit" | "Rotate" | "Revoke") {
  await keyRow(page, name)
    .getByRole("button", { name: `Actions for ${name}` })
    .click();
  await page.getByRole("menuitem", { name: action }).click();
}

/** The names in the table, top to bottom. */
export async function rowNames(page: Page): Promise<string[]> {
  return page.getByTestId("key-rows").getByRole("link").allTextContents();
}

export const masked = (secret: string) => `${secret.slice(0, 14)}…${secret.slice(-4)}`;
