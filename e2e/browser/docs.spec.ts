import { watchCsp } from "../support/csp-watch";
import { expect, keysUrl, test } from "../support/keys-page";
import { screenshot } from "../support/screenshots";

// The API reference: rendered by Scalar from /api/v1/openapi.json, served from this origin
// under the CSP, readable without signing in, and one click from the dashboard.

test.describe("the API reference at /docs", () => {
  test("renders the document signed out, with nothing refused and nothing fetched from elsewhere", async ({
    browser,
    baseURL,
  }, testInfo) => {
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    const violations = await watchCsp(page);
    const elsewhere: string[] = [];
    page.on("requestfinished", (request) => {
      if (!request.url().startsWith(baseURL!) && !request.url().startsWith("data:")) elsewhere.push(request.url());
    });

    const response = await page.goto("/docs");
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle(/API reference/);
    await expect(page.getByRole("heading", { name: "Keysmith API", level: 1 })).toBeVisible({ timeout: 20_000 });
    // Operations from the document, with the verify codes and the credentials it describes.
    await expect(page.getByRole("heading", { name: "Verify a key" })).toBeVisible();
    await expect(page.getByText("X-API-Key").first()).toBeAttached();
    await page.getByRole("heading", { name: "Verify a key" }).scrollIntoViewIfNeeded();
    await expect(page.getByText(/INSUFFICIENT_SCOPE/).first()).toBeVisible();
    await screenshot(page, testInfo, "docs-reference");

    // Two refusals are expected, and the CSP must keep them: zod, inside Scalar's bundle, probes
    // once whether it may compile validators (`Function("")` in a try) and falls back; and
    // Scalar's theme asks for its fonts from fonts.scalar.com (withDefaultFonts: false
    // notwithstanding), so the page uses the system's. Anything else is a regression.
    const expected = [
      /^script-src blocked eval on .*\/docs \(.*\/docs\/scalar\.js:/,
      /^font-src blocked https:\/\/fonts\.scalar\.com\//,
      /^console: Loading the font 'https:\/\/fonts\.scalar\.com\//,
    ];
    expect(violations.filter((line) => !expected.some((pattern) => pattern.test(line)))).toEqual([]);
    expect(elsewhere).toEqual([]);
    await context.close();
  });

  test("the dashboard's header links to it", async ({ page, owner }) => {
    await page.goto(keysUrl(owner));
    await page.getByRole("link", { name: "API reference" }).click();
    await expect(page).toHaveURL(/\/docs$/);
    await expect(page.getByRole("heading", { name: "Keysmith API", level: 1 })).toBeVisible({ timeout: 20_000 });
  });
});
