import { expect, test } from "@playwright/test";
import { PASSWORD } from "../support/api";
import { lookAt } from "../support/look";
import { browserAs, signUpOwner } from "../support/people";
import { freePort, type StartedServer, startServer } from "../support/server";
import { linkIn, startSmtp, type TestSmtp } from "../support/smtp";

/**
 * An unverified user signs in as before; the account page asks them to verify, resends the
 * link on request, and knows once it was followed. A server of its own, sending mail.
 */

let smtp: TestSmtp;
let server: StartedServer;

test.use({ storageState: { cookies: [], origins: [] } });

test.beforeAll(async () => {
  test.setTimeout(90_000);
  smtp = await startSmtp();
  server = await startServer(await freePort(), {
    SMTP_URL: smtp.url,
    MAIL_FROM: "keys@example.test",
    KEYSMITH_PERSONAL_KEY_AT_SIGNUP: "off",
  });
});

test.afterAll(async () => {
  await server?.stop();
  await smtp?.close();
});

test("the account page asks to verify the address, resends the link, and shows it verified once followed", async ({
  page,
}, testInfo) => {
  test.setTimeout(60_000);
  const email = `vera-${Date.now()}@example.com`;
  await page.goto(`${server.url}/sign-up`);
  await page.getByLabel("Your name").fill("Vera Verify");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Workspace name").fill("Verify Co");
  await page.getByLabel("Key prefix").fill("vc");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/keys$/);
  await smtp.nextMailTo(email, /Verify your email/);

  await page.goto(`${server.url}/account`);
  const notice = page.getByRole("region", { name: "Verify your email address" });
  await expect(notice).toBeVisible();
  await lookAt(page, testInfo, "account-verify-email");
  await notice.getByRole("button", { name: "Resend the link" }).click();
  await expect(notice.getByRole("status")).toHaveText(`A new link is on its way to ${email}.`);
  const mail = await smtp.nextMailTo(email, /Verify your email/);

  await page.goto(linkIn(mail, `${server.url}/api/auth/verify-email?`));
  await expect(page).toHaveURL(`${server.url}/account?verified=1`);
  await expect(page.getByText(`Your email address ${email} is verified.`)).toBeVisible();
  await expect(notice).toHaveCount(0);
});

test("an invitation made in the dashboard says it was emailed, and the mail carries the link shown", async ({
  browser,
}, testInfo) => {
  test.setTimeout(90_000);
  const owner = await signUpOwner(server.url, "Mae Mailer", "Post Room");
  const context = await browserAs(browser, owner);
  const page = await context.newPage();
  await page.goto(`${server.url}/${owner.workspace.slug}/members`);
  await page.getByRole("button", { name: "Invite member" }).click();
  const invite = page.getByRole("dialog", { name: "Invite a member" });
  await expect(invite).toContainText("We email them a link to join Post Room");
  const email = `ivo-${Date.now()}@example.com`;
  await invite.getByLabel("Email").fill(email);
  await invite.getByRole("button", { name: "Create invitation" }).click();
  const sent = page.getByRole("dialog", { name: "Invitation sent" });
  await expect(sent).toContainText(`We emailed this link to ${email}`);
  await lookAt(page, testInfo, "members-invitation-sent");
  const link = await sent.getByLabel("Invite link").inputValue();
  const mail = await smtp.nextMailTo(email, /Post Room/);
  expect(linkIn(mail, `${server.url}/invite/`)).toBe(link);
  await context.close();
});
