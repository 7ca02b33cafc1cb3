import { randomUUID } from "node:crypto";
import { request } from "@playwright/test";
import { addMember, json, PASSWORD, signUpWithWorkspace } from "../support/api";
import { expect, test } from "../support/test";
import { totpCode } from "../support/totp";
import { enableTotp } from "../support/two-factor";

test("sign-ins and failed sign-ins are audited in each of the user's workspaces, never with the password", async ({
  baseURL,
}) => {
  const owner = await signUpWithWorkspace(baseURL!);
  const member = await addMember(baseURL!, owner, "member");
  const browser = await request.newContext({
    baseURL,
    extraHTTPHeaders: { origin: baseURL!, "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0" },
  });
  const wrongPassword = `wrong-${randomUUID()}`;
  const refused = await browser.post("/api/auth/sign-in/email", {
    data: { email: member.email, password: wrongPassword },
  });
  expect(refused.status()).toBe(401);
  // An unknown email names nobody: nothing is recorded for it.
  const nobody = `nobody-${randomUUID().slice(0, 8)}@example.com`;
  expect(
    (await browser.post("/api/auth/sign-in/email", { data: { email: nobody, password: PASSWORD } })).status(),
  ).toBe(401);
  await json(await browser.post("/api/auth/sign-in/email", { data: { email: member.email, password: PASSWORD } }), 200);

  const events = async (action: string) =>
    (await json(await owner.api.get(`/api/v1/audit?action=${action}`), 200)).data as Record<string, unknown>[];
  const [failed] = await events("user.sign_in_failed");
  expect(failed).toMatchObject({
    action: "user.sign_in_failed",
    actor: { type: "user", id: member.userId },
    target: { type: "user", id: member.userId, label: member.email },
    metadata: { email: member.email },
    userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0",
  });
  const [signedIn] = await events("user.signed_in");
  expect(signedIn).toMatchObject({ action: "user.signed_in", actor: { type: "user", id: member.userId } });

  const everything = JSON.stringify((await json(await owner.api.get("/api/v1/audit?limit=100"), 200)).data);
  expect(everything).not.toContain(wrongPassword);
  expect(everything).not.toContain(PASSWORD);
  expect(everything).not.toContain(nobody);
  // The CSV export carries the same rows, still without the password.
  const csv = await (await owner.api.get("/api/v1/audit/export")).text();
  expect(csv).toContain("user.sign_in_failed");
  expect(csv).not.toContain(wrongPassword);
  await browser.dispose();
});

test("turning two-factor on and off and its sign-in steps are audited, with the method used", async ({ baseURL }) => {
  const owner = await signUpWithWorkspace(baseURL!);
  const { secret } = await enableTotp(owner.api);
  const events = async (action: string) =>
    (await json(await owner.api.get(`/api/v1/audit?action=${action}`), 200)).data as Record<string, unknown>[];
  expect(await events("user.two_factor_enabled")).toEqual([
    expect.objectContaining({ actor: expect.objectContaining({ id: owner.userId }), metadata: expect.anything() }),
  ]);

  // A sign-in stops after the password; a wrong code fails it, the right one completes it.
  const browser = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  const first = await json(
    await browser.post("/api/auth/sign-in/email", { data: { email: owner.email, password: PASSWORD } }),
    200,
  );
  expect(first.twoFactorRedirect).toBe(true);
  const wrong = String((Number(totpCode(secret)) + 1) % 1_000_000).padStart(6, "0");
  expect((await browser.post("/api/auth/two-factor/verify-totp", { data: { code: wrong } })).status()).toBe(401);
  await json(await browser.post("/api/auth/two-factor/verify-totp", { data: { code: totpCode(secret) } }), 200);
  expect((await events("user.sign_in_failed"))[0]).toMatchObject({ metadata: { method: "totp" } });
  // Newest first: the second step's sign-in, then the sign-up's own.
  expect((await events("user.signed_in"))[0]).toMatchObject({ metadata: { method: "totp" } });
  expect(JSON.stringify(await events("user.sign_in_failed"))).not.toContain(wrong);

  await json(await owner.api.post("/api/auth/two-factor/generate-backup-codes", { data: { password: PASSWORD } }), 200);
  expect(await events("user.backup_codes_generated")).toHaveLength(1);
  await json(await owner.api.post("/api/auth/two-factor/disable", { data: { password: PASSWORD } }), 200);
  expect(await events("user.two_factor_disabled")).toHaveLength(1);
  await browser.dispose();
});
