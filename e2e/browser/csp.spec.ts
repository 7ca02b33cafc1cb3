import { ADMIN } from "../support/admin";
import { watchCsp } from "../support/csp-watch";
import { expect, keysUrl, seedKey, test } from "../support/keys-page";
import { screenshot } from "../support/screenshots";

// Every page runs under the CSP server.ts sends (scripts only with the response's nonce):
// nothing is refused, the pages hydrate (dialogs open, the theme switches) and the styles apply.

test("every page works under the CSP, with nothing refused", async ({ page, owner, browser }, testInfo) => {
  test.slow();
  const violations = await watchCsp(page);
  const key = await seedKey(owner, owner.workspace, { name: "Under policy" });

  await page.goto(keysUrl(owner));
  await expect(page.getByRole("link", { name: "Under policy" })).toBeVisible();
  // Tailwind's stylesheet applies: the primary button is coloured, not a bare browser button.
  const create = page.getByRole("button", { name: "Create API key" });
  await expect(create).toBeVisible();
  expect(await create.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toMatch(
    /^(rgba\(0, 0, 0, 0\)|transparent)$/,
  );
  // Hydrated: the dialog opens (client code) and the theme switches (next-themes).
  await create.click();
  await expect(page.getByRole("dialog", { name: "Create API key" })).toBeVisible();
  await screenshot(page, testInfo, "csp-keys-create-dialog");
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Theme" }).click();
  await page.getByRole("menuitemradio", { name: "Dark" }).click();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await screenshot(page, testInfo, "csp-keys-dark");

  for (const [path, ready] of [
    [`/${owner.workspace.slug}/keys/${key.id}`, "Under policy"],
    [`/${owner.workspace.slug}/audit`, "Audit log"],
    [`/${owner.workspace.slug}/members`, "Members"],
    [`/${owner.workspace.slug}/settings`, "Settings"],
    ["/account", "Your account"],
    ["/new", "Create a workspace"],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: ready }).first(), path).toBeVisible();
  }
  // The theme chosen above was applied before paint by next-themes' inline script, nonce and all.
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);

  // Signed out: sign-in, sign-up and a missing page.
  const signedOut = await browser.newPage({ storageState: { cookies: [], origins: [] } });
  const signedOutViolations = await watchCsp(signedOut);
  for (const path of ["/sign-in", "/sign-up"]) {
    await signedOut.goto(path);
    await expect(signedOut.getByRole("button", { name: /^(Sign in|Create account)$/ }), path).toBeVisible();
  }
  await signedOut.goto("/sign-in");
  await signedOut.getByLabel("Email").fill(ADMIN.email);
  await signedOut.getByLabel("Password").fill("not-the-password");
  await signedOut.getByRole("button", { name: "Sign in", exact: true }).click();
  // The form's client code ran (Next's route announcer is an empty alert of its own).
  await expect(signedOut.getByRole("alert").filter({ hasText: "Invalid email or password" })).toBeVisible();
  await signedOut.goto("/no/such/page");
  await expect(signedOut.getByText(/could not be found|not found/i).first()).toBeVisible();
  await signedOut.close();

  expect([...violations, ...signedOutViolations]).toEqual([]);
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("another site cannot frame the dashboard", async ({ page, baseURL }) => {
    await page.route("http://attacker.test/", (route) =>
      route.fulfill({
        contentType: "text/html",
        body: `<!doctype html><title>attacker</title><iframe src="${baseURL}/sign-in" width="800" height="600"></iframe>`,
      }),
    );
    const frame = async () => {
      await page.goto("http://attacker.test/");
      return page.frames().find((f) => f !== page.mainFrame());
    };
    // As served, Chromium refuses to show the page in the frame: its error page is there instead.
    const refused = await frame();
    await expect.poll(() => refused?.url()).toMatch(/^chrome-error:/);
    expect(await refused?.locator("form").count()).toBe(0);

    // The control: the same answer without the two headers that forbid framing shows the form.
    await page.route(`${baseURL}/sign-in`, async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers["content-security-policy"];
      delete headers["x-frame-options"];
      await route.fulfill({ response, headers });
    });
    const framed = await frame();
    await expect(framed!.getByLabel("Email")).toBeVisible();
  });
});
