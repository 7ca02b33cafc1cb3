import { randomUUID } from "node:crypto";
import { addMember, createKey, json, PASSWORD, signUp, signUpWithWorkspace } from "../support/api";
import { freePort, type StartedServer, startServer } from "../support/server";
import { linkIn, SMTP_PASSWORD, SMTP_USER, startSmtp, type TestSmtp } from "../support/smtp";
import { expect, test } from "../support/test";

/**
 * Mail as it really goes out: a server of its own with SMTP_URL pointing at an SMTP server in
 * this process (the shared server has no SMTP_URL, so every other spec covers "mail is off").
 */
const FROM = "keys@example.test";
/** better-auth's answer to every accepted reset request, whether or not an account has the address. */
const RESET_ANSWER = {
  status: true,
  message: "If this email exists in our system, check your email for the reset link",
};
const API_KEY_SECRET = /\b[a-z0-9]{2,12}_(live|test)_[A-Za-z0-9]{38}\b/;

let smtp: TestSmtp;
let server: StartedServer;
/** Every API key secret the tests saw: none may ever be in a mail. */
const secrets: string[] = [];

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(90_000);
  smtp = await startSmtp();
  server = await startServer(await freePort(), { SMTP_URL: smtp.url, MAIL_FROM: `Keysmith <${FROM}>` });
});

test.afterAll(async () => {
  await server?.stop();
  await smtp?.close();
});

test("the server says where mail goes, without the SMTP password", async () => {
  expect(server.output()).toContain("mail goes out through smtp://127.0.0.1:");
  expect(server.output()).not.toContain(SMTP_PASSWORD);
});

test("an invitation is mailed to the invitee with its link, as readable text and HTML", async () => {
  const owner = await signUpWithWorkspace(server.url);
  const email = `invitee-${randomUUID().slice(0, 8)}@example.com`;
  const invitation = await json(
    await owner.api.post("/api/v1/members/invitations", { data: { email, role: "admin" } }),
    201,
  );
  const mail = await smtp.nextMailTo(email, /invited/);
  expect(mail.from).toContain(FROM);
  expect(mail.user).toBe(SMTP_USER);
  expect(mail.subject).toBe(`You're invited to Workspace ${owner.workspace.slug} on Keysmith`);
  expect(mail.text).toContain(
    `${owner.name} invited you to join the workspace Workspace ${owner.workspace.slug} as admin.`,
  );
  expect(linkIn(mail, `${server.url}/invite/`)).toBe(invitation.link);
  // The text part is text, not markup; the HTML part has the same link, as a link.
  expect(mail.text).not.toMatch(/<[a-z][^>]*>/i);
  expect(mail.html).toContain(`href="${invitation.link}"`);
  expect(mail.html).toContain(owner.name);
  // The link opens the invitation page.
  const page = await fetch(invitation.link);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain(`Workspace ${owner.workspace.slug}`);
});

test("sign-up mails a verification link; following it marks the address verified", async () => {
  const user = await signUp(server.url, "verify");
  const session = async () =>
    json(await user.api.get("/api/auth/get-session", { params: { disableCookieCache: "true" } }), 200);
  expect((await session()).user.emailVerified).toBe(false);

  const mail = await smtp.nextMailTo(user.email, /Verify your email/);
  expect(mail.text).toContain(`Hello ${user.name},`);
  const link = linkIn(mail, `${server.url}/api/auth/verify-email?`);
  expect(mail.html).toContain(link.replaceAll("&", "&#38;"));

  const followed = await user.api.get(link, { maxRedirects: 0 });
  expect(followed.status()).toBe(302);
  expect(followed.headers().location).toBe("/account?verified=1");
  expect((await session()).user.emailVerified).toBe(true);
});

test("the creator hears when someone else revokes their key, not when they revoke it themselves", async () => {
  const owner = await signUpWithWorkspace(server.url);
  const admin = await addMember(server.url, owner, "admin");
  const member = await addMember(server.url, owner, "member");

  const billing = await createKey(member.api, { name: "Billing worker" });
  secrets.push(billing.key);
  await json(await admin.api.delete(`/api/v1/keys/${billing.id}`), 200);
  const mail = await smtp.nextMailTo(member.email, /was revoked/);
  expect(mail.subject).toBe('Your API key "Billing worker" was revoked');
  expect(mail.text).toContain(`${admin.name} revoked your API key "Billing worker" in the workspace`);
  expect(linkIn(mail, server.url)).toBe(`${server.url}/${owner.workspace.slug}/keys/${billing.id}`);
  expect(mail.html).toContain("Billing worker");

  // Revoked by its own creator: no mail. A later revocation by the admin is the marker that
  // the earlier one would have been sent by now.
  const own = await createKey(member.api, { name: "Own key" });
  const marker = await createKey(member.api, { name: "Marker key" });
  secrets.push(own.key, marker.key);
  await json(await member.api.delete(`/api/v1/keys/${own.id}`), 200);
  await json(await admin.api.delete(`/api/v1/keys/${marker.id}`), 200);
  await smtp.nextMailTo(member.email, /"Marker key" was revoked/);
  expect(smtp.mailTo(member.email).filter((m) => m.subject.includes("Own key"))).toEqual([]);
  // The admin revoking their own key hears nothing either.
  const admins = await createKey(admin.api, { name: "Admin key" });
  secrets.push(admins.key);
  await json(await admin.api.delete(`/api/v1/keys/${admins.id}`), 200);
  expect(smtp.mailTo(admin.email).filter((m) => m.subject.includes("was revoked"))).toEqual([]);
});

test("without SMTP_URL (the shared server) a reset request gets the same answer", async ({ baseURL }) => {
  const response = await fetch(`${baseURL}/api/auth/request-password-reset`, {
    method: "POST",
    headers: { origin: baseURL as string, "content-type": "application/json" },
    body: JSON.stringify({ email: `someone-${randomUUID().slice(0, 8)}@example.com`, redirectTo: "/reset-password" }),
  });
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual(RESET_ANSWER);
});

test("reset requests answer alike for any address and are limited per email and per client", async () => {
  const user = await signUp(server.url, "reset");
  const ask = (email: string) =>
    fetch(`${server.url}/api/auth/request-password-reset`, {
      method: "POST",
      headers: { origin: server.url, "content-type": "application/json" },
      body: JSON.stringify({ email, redirectTo: "/reset-password" }),
    });
  const unknown = `nobody-${randomUUID().slice(0, 8)}@example.com`;
  const known = await ask(user.email);
  const stranger = await ask(unknown);
  expect([known.status, stranger.status]).toEqual([200, 200]);
  expect(await known.json()).toEqual(RESET_ANSWER);
  expect(await stranger.json()).toEqual(RESET_ANSWER);
  await smtp.nextMailTo(user.email, /Reset your Keysmith password/);

  // 5 per email in 15 minutes: the 6th waits, whether or not the address has an account.
  for (let i = 1; i < 5; i++) expect((await ask(user.email)).status).toBe(200);
  for (let i = 1; i < 5; i++) expect((await ask(unknown)).status).toBe(200);
  const refused = await ask(user.email);
  expect(refused.status).toBe(429);
  expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  expect((await ask(unknown.toUpperCase())).status).toBe(429);
  // 20 per client address: 12 counted so far, refused ones included.
  for (let i = 0; i < 8; i++)
    expect((await ask(`other-${i}-${randomUUID().slice(0, 6)}@example.com`)).status).toBe(200);
  expect((await ask(`one-more-${randomUUID().slice(0, 6)}@example.com`)).status).toBe(429);
  // A stranger's address gets no mail; the account got one per accepted request.
  expect(smtp.mailTo(unknown)).toEqual([]);
  await expect.poll(() => smtp.mailTo(user.email).filter((m) => m.subject.includes("Reset")).length).toBe(5);
  // Signing in is unaffected by all this.
  const signIn = await fetch(`${server.url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { origin: server.url, "content-type": "application/json" },
    body: JSON.stringify({ email: user.email, password: PASSWORD }),
  });
  expect(signIn.status).toBe(200);
});

test("no mail carries an API key secret", async () => {
  expect(smtp.received.length).toBeGreaterThan(5);
  for (const mail of smtp.received) {
    expect(`${mail.text}\n${mail.html}`).not.toMatch(API_KEY_SECRET);
    for (const secret of secrets) expect(mail.text + mail.html).not.toContain(secret);
  }
});
