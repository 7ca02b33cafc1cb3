import { verifyWebhook, WebhookVerificationError } from "@keysmith/sdk";
import { addMember, bearer, createKey, json, signUpWithWorkspace } from "../support/api";
import { freePort } from "../support/server";
import { expect, test } from "../support/test";
import { expectSigned, type Receiver, startReceiver, verifyPerSpec } from "../support/webhook-receiver";

/**
 * Webhooks over HTTP against the shared server (which allows loopback targets and retries
 * after 250 ms): a real key event arrives signed as the Standard Webhooks spec says, checked by
 * a receiver written from the spec; retries, redelivery, test events, secret rotation, the SDK.
 */
test.describe.configure({ mode: "serial" });

let receiver: Receiver;
test.beforeAll(async () => {
  receiver = await startReceiver(await freePort());
});
test.afterAll(async () => {
  await receiver.close();
});

const ofType =
  (type: string, extra: (event: { data: Record<string, unknown> }) => boolean = () => true) =>
  (event: { body: string }) => {
    const parsed = JSON.parse(event.body);
    return parsed.type === type && extra(parsed);
  };

test("a key created through the API arrives at the endpoint, signed per the spec; the log shows it", async ({
  baseURL,
}) => {
  const owner = await signUpWithWorkspace(baseURL!);
  const created = await json(
    await owner.api.post("/api/v1/webhooks", { data: { url: receiver.url, events: ["key.*"] } }),
    201,
  );
  expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
  expect(created).toMatchObject({ url: receiver.url, events: ["key.*"], enabled: true, disabledReason: null });
  // The secret is shown once: never in a list or a read.
  const listed = await json(await owner.api.get("/api/v1/webhooks"), 200);
  expect(listed.data).toHaveLength(1);
  expect(JSON.stringify(listed)).not.toContain(created.secret);
  expect(JSON.stringify(await json(await owner.api.get(`/api/v1/webhooks/${created.id}`), 200))).not.toContain(
    created.secret,
  );

  const key = await createKey(owner.api, { name: "Webhook subject", scopes: ["keys.read"] });
  const arrived = await receiver.waitFor(ofType("key.created", (e) => e.data.workspaceId === owner.workspace.id));
  const event = expectSigned(created.secret, arrived);
  expect(arrived.headers["webhook-id"]).toMatch(/^msg_/);
  expect(arrived.headers["content-type"]).toBe("application/json");
  expect(event).toMatchObject({
    type: "key.created",
    data: {
      workspaceId: owner.workspace.id,
      actor: { type: "user", id: owner.userId },
      target: { type: "key", id: key.id },
      metadata: { name: "Webhook subject", scopes: ["keys.read"] },
    },
  });
  expect(new Date(event.timestamp).getTime()).toBeGreaterThan(Date.now() - 60_000);
  // Never a secret: not the key's, not the endpoint's.
  expect(arrived.body).not.toContain(key.key);
  expect(arrived.body).not.toContain(created.secret);
  // A wrong secret does not verify.
  expect(verifyPerSpec(`whsec_${Buffer.alloc(32, 1).toString("base64")}`, arrived)).toBe(false);

  // Only subscribed events: an invitation (member.invited) is not sent to a key.* endpoint.
  await addMember(baseURL!, owner, "member");
  await createKey(owner.api, { name: "Second subject" });
  await receiver.waitFor(
    ofType("key.created", (e) => (e.data.metadata as { name?: string }).name === "Second subject"),
  );
  const log = await json(await owner.api.get(`/api/v1/webhooks/${created.id}/deliveries`), 200);
  expect(log.data.map((d: { eventType: string }) => d.eventType)).toEqual(["key.created", "key.created"]);
  const first = log.data[1];
  expect(first).toMatchObject({
    messageId: arrived.headers["webhook-id"],
    eventId: event.data.id,
    status: "delivered",
    attempts: 1,
    lastStatusCode: 200,
    lastResponse: "thanks",
    nextAttemptAt: null,
  });
  expect(first.lastLatencyMs).toBeGreaterThanOrEqual(0);
  expect(first.attemptLog).toEqual([expect.objectContaining({ number: 1, statusCode: 200, error: null })]);
  expect(first.payload).toBe(arrived.body);
});

test("a receiver that fails twice then succeeds gets the delivery on the 3rd attempt", async ({ baseURL }) => {
  const owner = await signUpWithWorkspace(baseURL!);
  const webhook = await json(
    await owner.api.post("/api/v1/webhooks", { data: { url: receiver.url, events: ["key.revoked"] } }),
    201,
  );
  const key = await createKey(owner.api, { name: "Retried" });
  receiver.answerWith(500, 503, 200);
  const before = receiver.received.length;
  await json(await owner.api.delete(`/api/v1/keys/${key.id}`), 200);
  const isRevocation = ofType("key.revoked", (e) => (e.data.target as { id?: string } | null)?.id === key.id);
  await expect.poll(() => receiver.received.slice(before).filter(isRevocation).length, { timeout: 15_000 }).toBe(3);
  const tries = receiver.received.slice(before).filter(isRevocation);
  // One event: the same id and body each time, each attempt signed afresh.
  expect(new Set(tries.map((t) => t.headers["webhook-id"])).size).toBe(1);
  expect(new Set(tries.map((t) => t.body)).size).toBe(1);
  for (const attempt of tries) expectSigned(webhook.secret, attempt);
  // Retried within moments (this server's backoff starts at 250 ms), not after minutes.
  expect(tries[2].at - tries[0].at).toBeLessThan(10_000);
  await expect
    .poll(
      async () => (await json(await owner.api.get(`/api/v1/webhooks/${webhook.id}/deliveries`), 200)).data[0].status,
    )
    .toBe("delivered");
  const [delivery] = (await json(await owner.api.get(`/api/v1/webhooks/${webhook.id}/deliveries`), 200)).data;
  expect(delivery).toMatchObject({ eventType: "key.revoked", attempts: 3, lastStatusCode: 200 });
  expect(delivery.attemptLog.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 503, 200]);
  expect(delivery.attemptLog[0].responseExcerpt).toBe("failing with 500");
  receiver.answerWith(200);
});

test("redeliver and test events through the API; the SDK verifies a real delivery and rejects a tampered one", async ({
  baseURL,
}) => {
  const owner = await signUpWithWorkspace(baseURL!);
  const webhook = await json(
    await owner.api.post("/api/v1/webhooks", { data: { url: receiver.url, events: ["key.created"] } }),
    201,
  );
  // An API key with workspace.write manages webhooks as well as a session does.
  const manager = await createKey(owner.api, { name: "Webhook manager", scopes: ["workspace.write"] });

  const test202 = await json(
    await owner.api.post(`/api/v1/webhooks/${webhook.id}/test`, { headers: bearer(manager.key) }),
    202,
  );
  expect(test202).toMatchObject({ eventType: "webhook.test", status: "pending", attempts: 0 });
  const testEvent = await receiver.waitFor((e) => e.headers["webhook-id"] === test202.messageId);
  const parsed = expectSigned(webhook.secret, testEvent);
  expect(parsed).toMatchObject({
    type: "webhook.test",
    data: { workspaceId: owner.workspace.id, webhookId: webhook.id },
  });

  // The SDK accepts the real delivery, and refuses it once the body or a header is changed.
  const sdkEvent = await verifyWebhook(webhook.secret, testEvent.headers, testEvent.body, { toleranceSeconds: 300 });
  expect(sdkEvent.type).toBe("webhook.test");
  const tampered = testEvent.body.replace(owner.workspace.id, "ws_someone_else");
  await expect(verifyWebhook(webhook.secret, testEvent.headers, tampered)).rejects.toBeInstanceOf(
    WebhookVerificationError,
  );
  await expect(
    verifyWebhook(webhook.secret, { ...testEvent.headers, "webhook-timestamp": "1000000000" }, testEvent.body),
  ).rejects.toThrow(/old/);

  // Redeliver: a new entry of the log with the same webhook-id and body, signed at its own time.
  const redelivered = await json(
    await owner.api.post(`/api/v1/webhooks/${webhook.id}/deliveries/${test202.id}/redeliver`),
    202,
  );
  expect(redelivered.id).not.toBe(test202.id);
  expect(redelivered.messageId).toBe(test202.messageId);
  await expect
    .poll(() => receiver.received.filter((e) => e.headers["webhook-id"] === test202.messageId).length)
    .toBe(2);
  const again = receiver.received.filter((e) => e.headers["webhook-id"] === test202.messageId)[1];
  expect(again.body).toBe(testEvent.body);
  expectSigned(webhook.secret, again);
  // The log: the manager key's creation (key.created), the test event and its redelivery, all delivered.
  const deliveries = async () =>
    (await json(await owner.api.get(`/api/v1/webhooks/${webhook.id}/deliveries`), 200)).data;
  await expect
    .poll(async () =>
      (await deliveries()).map((d: { eventType: string; status: string }) => `${d.eventType} ${d.status}`),
    )
    .toEqual(["webhook.test delivered", "webhook.test delivered", "key.created delivered"]);

  // Rotating the secret: later deliveries verify with the new one only.
  const rotated = await json(await owner.api.post(`/api/v1/webhooks/${webhook.id}/rotate-secret`), 200);
  expect(rotated.secret).not.toBe(webhook.secret);
  const next = await json(await owner.api.post(`/api/v1/webhooks/${webhook.id}/test`), 202);
  const afterRotation = await receiver.waitFor((e) => e.headers["webhook-id"] === next.messageId);
  expect(verifyPerSpec(rotated.secret, afterRotation)).toBe(true);
  expect(verifyPerSpec(webhook.secret, afterRotation)).toBe(false);

  // Disabled: nothing is queued for it, and a test event is refused with a reason.
  const disabled = await json(
    await owner.api.patch(`/api/v1/webhooks/${webhook.id}`, { data: { enabled: false } }),
    200,
  );
  expect(disabled.enabled).toBe(false);
  await createKey(owner.api, { name: "While disabled" });
  const refused = await owner.api.post(`/api/v1/webhooks/${webhook.id}/test`);
  expect(refused.status()).toBe(409);
  // Only the manager key's creation, from before: nothing was queued while it was disabled.
  expect((await deliveries()).filter((d: { eventType: string }) => d.eventType === "key.created")).toHaveLength(1);

  // Every change to the endpoint is in the audit log.
  const audit = await json(await owner.api.get("/api/v1/audit"), 200);
  const actions = audit.data.map((e: { action: string }) => e.action);
  for (const action of ["webhook.created", "webhook.secret_rotated", "webhook.updated"])
    expect(actions).toContain(action);

  await json(await owner.api.delete(`/api/v1/webhooks/${webhook.id}`), 204).catch(() => undefined);
  expect((await owner.api.get(`/api/v1/webhooks/${webhook.id}`)).status()).toBe(404);
});

test("bad input names the field; members and other workspaces cannot see webhooks", async ({ baseURL }) => {
  const owner = await signUpWithWorkspace(baseURL!);
  const refused = async (data: unknown, field: string) => {
    const response = await owner.api.post("/api/v1/webhooks", { data });
    expect(response.status(), JSON.stringify(data)).toBe(400);
    const fields = (await response.json()).error.details.issues.map((i: { field: string }) => i.field);
    expect(
      fields.some((f: string) => f === field || f.startsWith(`${field}.`)),
      fields.join(),
    ).toBe(true);
  };
  await refused({ url: receiver.url, events: ["key.nonsense"] }, "events");
  await refused({ url: receiver.url, events: [] }, "events");
  await refused({ url: "ftp://example.com/", events: ["key.*"] }, "url");
  await refused({ url: "not a url", events: ["key.*"] }, "url");
  await refused({ url: "https://user:pw@example.com/", events: ["key.*"] }, "url");
  // Families and every action of the audit log are accepted.
  await json(
    await owner.api.post("/api/v1/webhooks", {
      data: { url: receiver.url, events: ["member.*", "workspace.settings_changed", "key.expired", "*"] },
    }),
    201,
  );
  const member = await addMember(baseURL!, owner, "member");
  expect((await member.api.get("/api/v1/webhooks")).status()).toBe(403);
  const stranger = await signUpWithWorkspace(baseURL!);
  expect((await json(await stranger.api.get("/api/v1/webhooks"), 200)).data).toEqual([]);
});
