import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  createWorkspaceAs,
  type InProcess,
  signUpCookie,
  startInProcess,
} from "@/app/api/v1/_testing/in-process";
import { POST as createKey } from "@/app/api/v1/keys/route";
import { PATCH as updateWebhook } from "@/app/api/v1/webhooks/[id]/route";
import { POST as sendTest } from "@/app/api/v1/webhooks/[id]/test/route";
import { POST as createWebhook } from "@/app/api/v1/webhooks/route";
import { WebhookWorker } from "@/lib/webhooks/worker";

/**
 * The sender's schedule with the runtime's clock moved by the test: exponential backoff, a
 * delivery marked failed once its retry window is over, an endpoint disabled (and audited) after
 * days of failures, and two workers never sending one delivery twice.
 */
const HOUR = 60 * 60 * 1000;

describe("the webhook worker", () => {
  let env: InProcess;
  let cookie: string;
  let receiver: Server;
  let status = 500;
  let requests = 0;
  let webhookId: string;
  let worker: WebhookWorker;

  beforeAll(async () => {
    process.env.KEYSMITH_WEBHOOK_ALLOW_PRIVATE = "1";
    // Today: the database stamps queued deliveries with its own (real) time.
    env = await startInProcess(new Date());
    receiver = createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        requests++;
        res.writeHead(status).end(status === 200 ? "ok" : "down");
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    cookie = await signUpCookie(env.runtime);
    await createWorkspaceAs(cookie, { name: "Hooks", slug: "hooks-worker", keyPrefix: "hw" });
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const created = await call(createWebhook, "POST", "/api/v1/webhooks", { cookie, body: { url, events: ["key.*"] } });
    expect(created.status).toBe(201);
    webhookId = created.body.id;
    worker = new WebhookWorker(env.runtime.database.db, () => env.now(), {
      timeoutMs: 2_000,
      // Far beyond the test's own running time: the database's clock (real time) never makes a retry due.
      backoffMs: 60_000,
      backoffMaxMs: HOUR,
      retryWindowMs: 24 * HOUR,
      disableAfterMs: 72 * HOUR,
      leaseMs: 60_000,
      pollMs: 60_000,
      allowPrivate: true,
      logRetentionMs: 30 * 24 * HOUR,
    });
  });
  afterAll(async () => {
    await new Promise((resolve) => receiver.close(resolve));
    await env.runtime.close();
  });

  const db = () => env.runtime.database.db;
  const deliveries = () =>
    db().webhookDelivery.findMany({ where: { endpointId: webhookId }, orderBy: { createdAt: "asc" } });
  const endpoint = () => db().webhookEndpoint.findUniqueOrThrow({ where: { id: webhookId } });

  it("retries with exponential backoff, then marks the delivery failed after its window", async () => {
    expect((await call(createKey, "POST", "/api/v1/keys", { cookie, body: { name: "Watched" } })).status).toBe(201);
    const [queued] = await deliveries();
    expect(queued).toMatchObject({ eventType: "key.created", status: "pending", attempts: 0 });

    await worker.runOnce();
    let [delivery] = await deliveries();
    expect(delivery).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 500, lastResponse: "down" });
    const firstDelay = delivery.nextAttemptAt.getTime() - env.now().getTime();
    expect(firstDelay).toBeGreaterThanOrEqual(60_000);
    expect(firstDelay).toBeLessThanOrEqual(66_000);
    expect((await endpoint()).failingSince).toEqual(env.now());

    // Not due yet: nothing is sent.
    await worker.runOnce();
    expect(requests).toBe(1);

    env.advance(70_000);
    await worker.runOnce();
    [delivery] = await deliveries();
    expect(delivery.attempts).toBe(2);
    const secondDelay = delivery.nextAttemptAt.getTime() - env.now().getTime();
    expect(secondDelay).toBeGreaterThanOrEqual(120_000);
    expect(secondDelay).toBeLessThanOrEqual(132_000);

    // A day later the next failure is the last.
    env.advance(25 * HOUR);
    await worker.runOnce();
    [delivery] = await deliveries();
    expect(delivery).toMatchObject({ status: "failed", attempts: 3 });
    const attempts = await db().webhookAttempt.findMany({
      where: { deliveryId: delivery.id },
      orderBy: { number: "asc" },
    });
    expect(attempts.map((a) => [a.number, a.statusCode])).toEqual([
      [1, 500],
      [2, 500],
      [3, 500],
    ]);
    expect((await endpoint()).enabled).toBe(true);
  });

  it("disables an endpoint failing for 3 days and records it; enabling it starts afresh", async () => {
    env.advance(48 * HOUR);
    // Any audit event queues a delivery (the trigger), whoever wrote it.
    const workspaceId = (await endpoint()).workspaceId;
    await db().auditEvent.create({
      data: {
        id: "evt_late",
        workspaceId,
        actorType: "user",
        actorId: "u",
        action: "key.updated",
        targetType: "key",
        targetId: "k",
      },
    });
    await worker.runOnce();
    const disabled = await endpoint();
    expect(disabled).toMatchObject({ enabled: false, disabledReason: "failing" });
    const audit = await db().auditEvent.findFirst({ where: { action: "webhook.disabled", targetId: webhookId } });
    expect(audit?.metadata).toMatchObject({ failingSince: expect.any(String) });

    // Disabled: its test events are refused and nothing more is claimed.
    expect(
      (await call(sendTest, "POST", `/api/v1/webhooks/${webhookId}/test`, { cookie, params: { id: webhookId } }))
        .status,
    ).toBe(409);

    const enabled = await call(updateWebhook, "PATCH", `/api/v1/webhooks/${webhookId}`, {
      cookie,
      params: { id: webhookId },
      body: { enabled: true },
    });
    expect(enabled.body).toMatchObject({ enabled: true, disabledReason: null, failingSince: null });
  });

  it("a success clears the failure; two workers at once send a delivery once", async () => {
    status = 200;
    const before = requests;
    const test = await call(sendTest, "POST", `/api/v1/webhooks/${webhookId}/test`, {
      cookie,
      params: { id: webhookId },
    });
    expect(test.status).toBe(202);
    const other = new WebhookWorker(env.runtime.database.db, () => env.now(), {
      ...(worker as unknown as { options: ConstructorParameters<typeof WebhookWorker>[2] }).options,
    });
    await Promise.all([worker.runOnce(), other.runOnce()]);
    // The test event, once. (The event that failed as the endpoint was disabled is past its window.)
    const sent = await db().webhookDelivery.findMany({ where: { endpointId: webhookId, status: "delivered" } });
    expect(sent.map((d) => d.eventType)).toEqual(["webhook.test"]);
    expect(requests - before).toBe(1);
    expect(await db().webhookAttempt.count({ where: { deliveryId: sent[0].id } })).toBe(1);
    expect((await endpoint()).failingSince).toBeNull();
  });

  it("prunes delivered and failed deliveries past the retention with their attempts, never pending ones", async () => {
    expect(
      (await call(createKey, "POST", "/api/v1/keys", { cookie, body: { name: "Queued", environment: "test" } })).status,
    ).toBe(201);
    const before = await deliveries();
    const finished = before.filter((d) => d.status !== "pending");
    const pending = before.filter((d) => d.status === "pending");
    expect(finished.length).toBeGreaterThan(0);
    expect(pending.length).toBeGreaterThan(0);
    // Nothing is old enough yet.
    expect(await worker.pruneLog(new Date(Date.now() - HOUR))).toBe(0);
    // Past the retention, every finished one goes (the trigger stamps with the database's clock,
    // a test event with the instance's, which this test moved days ahead).
    const later = new Date(Math.max(Date.now(), env.now().getTime()) + HOUR);
    expect(await worker.pruneLog(later)).toBe(finished.length);
    expect((await deliveries()).map((d) => d.id)).toEqual(pending.map((d) => d.id));
    expect(await db().webhookAttempt.count({ where: { deliveryId: { in: finished.map((d) => d.id) } } })).toBe(0);
  });
});
