import { freePort, type StartedServer, signUpOn, startServer } from "../support/server";
import { startSmtp, type TestSmtp } from "../support/smtp";
import { expect, test } from "../support/test";

/**
 * An endpoint whose deliveries keep failing is disabled once they have failed for
 * KEYSMITH_WEBHOOK_DISABLE_AFTER_MS (3 days in production, 1.5 s here), with an audit event and
 * a mail to the workspace's owners and admins; enabling it again starts afresh.
 */
let smtp: TestSmtp;
let server: StartedServer;
test.beforeAll(async () => {
  smtp = await startSmtp();
  server = await startServer(await freePort(), {
    SMTP_URL: smtp.url,
    MAIL_FROM: "Keysmith <keys@example.com>",
    KEYSMITH_WEBHOOK_ALLOW_PRIVATE: "1",
    KEYSMITH_WEBHOOK_BACKOFF_MS: "200",
    KEYSMITH_WEBHOOK_BACKOFF_MAX_MS: "400",
    KEYSMITH_WEBHOOK_DISABLE_AFTER_MS: "1500",
  });
});
test.afterAll(async () => {
  await server?.stop();
  await smtp?.close();
});

test("an endpoint failing for long enough is disabled, audited, and its admins are mailed", async () => {
  const email = `hooks-admin-${Date.now()}@example.com`;
  const owner = await signUpOn(server.url, "Hook Admin", email);
  const get = async (path: string) =>
    (await fetch(`${server.url}${path}`, { headers: { cookie: owner.cookie } })).json();
  expect(
    (await owner.post("/api/v1/workspaces", { name: "Failing", slug: `failing-${Date.now()}`, keyPrefix: "fl" }))
      .status,
  ).toBe(201);
  // Nothing listens on port 9: every attempt fails to connect.
  const created = await owner.post("/api/v1/webhooks", { url: "http://127.0.0.1:9/gone", events: ["key.*"] });
  const webhook = await created.json();
  expect((await owner.post("/api/v1/keys", { name: "Announced" })).status).toBe(201);

  await expect.poll(async () => (await get(`/api/v1/webhooks/${webhook.id}`)).enabled, { timeout: 20_000 }).toBe(false);
  const disabled = await get(`/api/v1/webhooks/${webhook.id}`);
  expect(disabled).toMatchObject({ disabledReason: "failing", failingSince: expect.any(String) });
  const [delivery] = (await get(`/api/v1/webhooks/${webhook.id}/deliveries`)).data;
  expect(delivery.attempts).toBeGreaterThanOrEqual(2);
  expect(delivery.lastStatusCode).toBeNull();
  expect(delivery.lastError).toMatch(/ECONNREFUSED/);

  const audit = await get("/api/v1/audit");
  const event = audit.data.find((e: { action: string }) => e.action === "webhook.disabled");
  expect(event).toMatchObject({ target: { type: "webhook", id: webhook.id } });

  const mail = await smtp.nextMailTo(email, /webhook of Failing was disabled/);
  expect(mail.text).toContain("http://127.0.0.1:9/gone");
  expect(mail.text).toContain(`/settings/webhooks`);

  // Enabled again: a clean slate.
  const enabled = await fetch(`${server.url}/api/v1/webhooks/${webhook.id}`, {
    method: "PATCH",
    headers: { cookie: owner.cookie, origin: server.url, "content-type": "application/json" },
    body: JSON.stringify({ enabled: true }),
  });
  expect(await enabled.json()).toMatchObject({ enabled: true, disabledReason: null, failingSince: null });
});
