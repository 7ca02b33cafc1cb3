import { expect, test } from "@playwright/test";
import { json } from "../support/api";
import { lookAt } from "../support/look";
import { browserAs, join, signUpOwner, signUpPerson } from "../support/people";

// Each lookAt runs axe in light and dark: this journey takes longer than the default 30 s.
test.describe.configure({ timeout: 240_000 });

test("organizations: an owner adds a workspace, makes a member an organization admin, and creates a key for every workspace", async ({
  browser,
  baseURL,
}, testInfo) => {
  const owner = await signUpOwner(baseURL!, "Olga Owner", "Umbrella", "umb");
  const member = await signUpPerson(baseURL!, "Mina Member");
  await join(owner, member, "member");
  const [org] = (await json(await owner.api.get("/api/v1/orgs"), 200)).data;

  // From the workspace, the header leads to its organization.
  const ownerContext = await browserAs(browser, owner);
  const page = await ownerContext.newPage();
  await page.goto(`/${owner.workspace.slug}/keys`);
  await page.getByRole("link", { name: "Organization" }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${org.id}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(org.name);

  // A second workspace, in this organization.
  const workspaces = page.getByRole("region", { name: "Workspaces" });
  await workspaces.getByRole("link", { name: "New workspace" }).click();
  await expect(page.getByText(`in the organization ${org.name}`)).toBeVisible();
  await page.getByLabel("Workspace name").fill("Umbrella Labs");
  await page.getByLabel("Key prefix").fill("labs");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/umbrella-labs[^/]*\/keys$/);
  const labsSlug = new URL(page.url()).pathname.split("/")[1];
  await page.goto(`/orgs/${org.slug}`);
  await expect(workspaces.getByRole("link")).toHaveCount(3); // two workspaces and "New workspace"
  await expect(workspaces).toContainText("Umbrella Labs");

  // The member is a member of the organization through workspace A; made an admin, they act in Labs too.
  const members = page.getByRole("region", { name: "Members" });
  await members.getByLabel(`Organization role of ${member.name}`).selectOption("admin");
  await expect(page.getByText(`${member.name} is now admin of ${org.name}`)).toBeVisible();
  await lookAt(page, testInfo, "organization-page");

  const memberContext = await browserAs(browser, member);
  const memberPage = await memberContext.newPage();
  await memberPage.goto(`/${labsSlug}/keys`);
  await expect(memberPage.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();

  // As an organization admin they may create an organization key: the dialog offers the scope.
  await memberPage
    .getByRole("button", { name: /Create (API|your first) key/ })
    .first()
    .click();
  const dialog = memberPage.getByRole("dialog", { name: "Create API key" });
  await dialog.getByRole("radio", { name: /Organization/ }).check();
  await dialog.getByLabel("Name").fill("Fleet-wide reader");
  await lookAt(memberPage, testInfo, "create-key-organization-scope");
  await dialog.getByRole("button", { name: "Create key" }).click();
  const secret = await memberPage.getByTestId("revealed-key").textContent();
  // Its prefix is that of the workspace it was created in.
  expect(secret).toMatch(/^labs_live_/);

  // Every workspace of the organization lists it as an organization key.
  for (const slug of [labsSlug, owner.workspace.slug]) {
    await page.goto(`/${slug}/keys`);
    const row = page.locator("tr", { hasText: "Fleet-wide reader" });
    await expect(row.getByTestId("key-scope-kind")).toHaveText("Organization key · every workspace");
  }
  await page.goto(`/orgs/${org.id}`);
  await expect(page.getByRole("region", { name: "Organization keys" })).toContainText("Fleet-wide reader");

  // It verifies in either workspace, naming it.
  const anonymous = await page.request.post("/api/v1/keys/verify", { data: { key: secret, workspaceId: labsSlug } });
  expect(await anonymous.json()).toMatchObject({ valid: true, scope: "organization", organizationId: org.id });
  await memberContext.close();
  await ownerContext.close();
});

test("organizations: a plain member sees only their workspaces and no controls", async ({ browser, baseURL }) => {
  const owner = await signUpOwner(baseURL!, "Oscar Owner", "Globex");
  const member = await signUpPerson(baseURL!, "Max Member");
  await join(owner, member, "member");
  const [org] = (await json(await owner.api.get("/api/v1/orgs"), 200)).data;
  await json(
    await owner.api.post("/api/v1/workspaces", {
      data: { name: "Globex Secret", slug: `globex-secret-${Date.now()}`, organizationId: org.id },
    }),
    201,
  );
  const context = await browserAs(browser, member);
  const page = await context.newPage();
  await page.goto(`/orgs/${org.slug}`);
  const workspaces = page.getByRole("region", { name: "Workspaces" });
  await expect(workspaces).toContainText("Globex");
  await expect(workspaces).not.toContainText("Globex Secret");
  await expect(workspaces.getByRole("link", { name: "New workspace" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Organization name" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Organization keys" })).toHaveCount(0);
  await expect(page.getByRole("combobox")).toHaveCount(0);
  // The create dialog offers no scope choice to someone who may not make organization keys.
  await page.goto(`/${owner.workspace.slug}/keys`);
  await page
    .getByRole("button", { name: /Create (API|your first) key/ })
    .first()
    .click();
  await expect(page.getByRole("dialog").getByRole("radio", { name: /Organization/ })).toHaveCount(0);
  // An organization they are not in is not found.
  const outsider = await signUpOwner(baseURL!, "Ola Outsider", "Hooli");
  const [other] = (await json(await outsider.api.get("/api/v1/orgs"), 200)).data;
  const response = await page.goto(`/orgs/${other.id}`);
  expect(response?.status()).toBe(404);
  await context.close();
});
