import { freePort, type StartedServer, signUpOn, startServer } from "../support/server";
import { expect, test } from "../support/test";
import { expectSigned, startReceiver } from "../support/webhook-receiver";

/**
 * A delivery queued in the change's transaction survives `kill -9`: the server is killed while
 * it is sending (the receiver holds the request without answering), started again on the same
 * data folder, and the delivery is sent again once its lease runs out, and arrives.
 */
const LEASE_MS = 3_000;

test("SIGKILL between queueing and delivery loses nothing", async () => {
  test.setTimeout(120_000);
  const port = await freePort();
  const receiver = await startReceiver(await freePort(), "hang", 200);
  const env = {
    KEYSMITH_WEBHOOK_ALLOW_PRIVATE: "1",
    KEYSMITH_WEBHOOK_LEASE_MS: String(LEASE_MS),
    KEYSMITH_WEBHOOK_TIMEOUT_MS: "2000",
    KEYSMITH_WEBHOOK_POLL_MS: "500",
  };
  let server: StartedServer | null = await startServer(port, env);
  try {
    const owner = await signUpOn(server.url, "Kill Owner", `kill-${Date.now()}@example.com`);
    expect(
      (await owner.post("/api/v1/workspaces", { name: "Kill", slug: `kill-${Date.now()}`, keyPrefix: "kl" })).status,
    ).toBe(201);
    const webhook = await (await owner.post("/api/v1/webhooks", { url: receiver.url, events: ["key.created"] })).json();
    expect(webhook.secret).toMatch(/^whsec_/);

    const created = await owner.post("/api/v1/keys", { name: "Survives the kill" });
    expect(created.status).toBe(201);
    const key = await created.json();
    // The first attempt reaches the receiver, which never answers: the server dies mid-send.
    const first = await receiver.waitFor(() => true);
    const killedAt = Date.now();
    expect(await server.stop("SIGKILL")).toBeNull();
    const dataDir = server.dataDir;
    server = null;

    server = await startServer(port, { ...env, KEYSMITH_DATA_DIR: dataDir });
    const second = await receiver.waitFor((event) => event !== first, 30_000);
    // Not before the dead process's lease ran out (no instance could know it died).
    expect(second.at - killedAt).toBeGreaterThanOrEqual(LEASE_MS - 1_000);
    expect(second.headers["webhook-id"]).toBe(first.headers["webhook-id"]);
    expect(second.body).toBe(first.body);
    const event = expectSigned(webhook.secret, second);
    expect(event).toMatchObject({ type: "key.created", data: { target: { type: "key", id: key.id } } });

    // The log on the restarted server: delivered, one recorded attempt (the killed one left no result).
    const log = await fetch(`${server.url}/api/v1/webhooks/${webhook.id}/deliveries`, {
      headers: { cookie: owner.cookie },
    });
    const [delivery] = (await log.json()).data;
    expect(delivery).toMatchObject({ status: "delivered", attempts: 1, lastStatusCode: 200 });
  } finally {
    await server?.stop();
    await receiver.close();
  }
});
