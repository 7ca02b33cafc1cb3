import { randomUUID } from "node:crypto";
import { request } from "@playwright/test";
import { addMember, json, PASSWORD, signUpWithWorkspace } from "../support/api";
import { expect, test } from "../support/test";

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
