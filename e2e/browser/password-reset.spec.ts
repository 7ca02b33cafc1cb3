import { type Browser, expect, type Page, test } from "@playwright/test";
import { lookAt } from "../support/look";
import { freePort, type StartedServer, startServer } from "../support/server";
import { linkIn, startSmtp, type TestSmtp } from "../support/smtp";

/**
 * Forgot password, as a person does it: on a server of its own that sends mail to an SMTP
 * server in this process. Nobody is signed in at the start (not the shared admin).
 */
const OLD_PASSWORD = "correct-horse-battery";
const NEW_PASSWORD = "a-brand-new-passphrase";

let smtp: TestSmtp;
let server: StartedServer;

test.use({ storageState: { cookies: [], origins: [] } });

test.beforeAll(async () => {
  test.setTimeout(90_000);
  smtp = await startSmtp();
  server = await startServer(await freePort(), {
    SMTP_URL: smtp.url,
    MAIL_FROM: "Keysmith <keys@example.test>",
    KEYSMITH_PERSONAL_KEY_AT_SIGNUP: "off",
  });
});

test.afterAll(async () => {
  await server?.stop();
  await smtp?.close();
});

async function signUpInPage(page: Page, email: string) {
  await page.goto(`${server.url}/sign-up`);
  await page.getByLabel("Your name").fill("Rita Reset");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(OLD_PASSWORD);
  await page.getByLabel("Workspace name").fill("Reset Co");
  await page.getByLabel("Key prefix").fill("rc");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/reset-co[^/]*\/keys$/);
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

async function newPage(browser: Browser) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  return context.newPage();
}

test("a forgotten password is reset through the mailed link, which then works no more", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(90_000);
  const email = `rita-${Date.now()}@example.com`;
  await signUpInPage(page, email);
  // Another browser stays signed in: resetting the password must end its session.
  const other = await newPage(browser);
  await signIn(other, email, OLD_PASSWORD);
  await expect(other).toHaveURL(/\/keys$/);

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL(`${server.url}/forgot-password`);
  await lookAt(page, testInfo, "forgot-password");

  // A typo is caught on the field and what was typed stays.
  await page.getByLabel("Email").fill("rita@");
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue("rita@");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Email").press("Enter");
  await expect(page.getByRole("status")).toContainText(`If an account uses ${email}, a link`);

  const mail = await smtp.nextMailTo(email, /Reset your Keysmith password/);
  const link = linkIn(mail, `${server.url}/api/auth/reset-password/`);
  await page.goto(link);
  await expect(page).toHaveURL(/\/reset-password\?token=/);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await lookAt(page, testInfo, "reset-password");

  // Errors per field; nothing typed is lost.
  await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("Confirm new password").fill("something-else");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("The two passwords differ")).toBeVisible();
  await expect(page.getByLabel("New password", { exact: true })).toHaveValue(NEW_PASSWORD);
  await page.getByLabel("Confirm new password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("heading", { name: "Password changed" })).toBeVisible();

  // The other browser's session has ended (asked past better-auth's 60-second cookie cache,
  // which is a signed copy of the session and not a session of its own).
  const session = await other.request.get(`${server.url}/api/auth/get-session?disableCookieCache=true`);
  expect(await session.json()).toBeNull();

  // The old password no longer works; the new one does.
  await signIn(page, email, OLD_PASSWORD);
  await expect(page.getByText("Invalid email or password")).toBeVisible();
  await page.getByLabel("Password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/keys$/);
  // The reset is in the audit log of the user's workspace.
  const audit = await (await page.request.get(`${server.url}/api/v1/audit?action=user.password_reset`)).json();
  expect(audit.data).toHaveLength(1);
  expect(audit.data[0]).toMatchObject({ action: "user.password_reset", metadata: { email } });

  // The link works once.
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This reset link no longer works" })).toBeVisible();
  await lookAt(page, testInfo, "reset-password-invalid");
  await page.getByRole("link", { name: "Request a new link" }).click();
  await expect(page).toHaveURL(`${server.url}/forgot-password`);
});

test("an unknown email gets the same answer and no mail", async ({ page }) => {
  const stranger = `nobody-${Date.now()}@example.com`;
  await page.goto(`${server.url}/forgot-password`);
  await page.getByLabel("Email").fill(stranger);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status")).toHaveText(
    `If an account uses ${stranger}, a link to choose a new password is on its way. It works once, within an hour.`,
  );
  // A made-up token says so before anything is typed.
  await page.goto(`${server.url}/reset-password?token=not-a-real-token`);
  await expect(page.getByRole("heading", { name: "This reset link no longer works" })).toBeVisible();
  expect(smtp.mailTo(stranger)).toEqual([]);
});
