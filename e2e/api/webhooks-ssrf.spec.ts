import { freePort, type StartedServer, signUpOn, startServer } from "../support/server";
import { expect, test } from "../support/test";

/**
 * On a server without KEYSMITH_WEBHOOK_ALLOW_PRIVATE (as in production), an endpoint may not
 * point into the host's network: loopback, private, link-local, unique-local and IPv4-in-IPv6
 * targets, in every spelling, and plain HTTP, are refused with a 400 naming `url`.
 */
let server: StartedServer;
test.beforeAll(async () => {
  server = await startServer(await freePort(), { KEYSMITH_WEBHOOK_ALLOW_PRIVATE: "0" });
});
test.afterAll(async () => {
  await server?.stop();
});

test("private, loopback and plain-HTTP targets are refused with a 400 naming url", async () => {
  const owner = await signUpOn(server.url, "Ssrf Owner", `ssrf-${Date.now()}@example.com`);
  const workspace = await owner.post("/api/v1/workspaces", {
    name: "Ssrf",
    slug: `ssrf-${Date.now()}`,
    keyPrefix: "sf",
  });
  expect(workspace.status).toBe(201);

  const refusedTargets = [
    "https://127.0.0.1/hook",
    "https://127.1/hook",
    "https://2130706433/hook",
    "https://0x7f000001/hook",
    "https://localhost:8443/hook",
    "https://10.0.0.8/hook",
    "https://172.16.5.4/hook",
    "https://192.168.1.10/hook",
    "https://169.254.169.254/latest/meta-data",
    "https://100.64.0.1/hook",
    "https://0.0.0.0/hook",
    "https://[::1]/hook",
    "https://[::]/hook",
    "https://[fe80::1]/hook",
    "https://[fd00::1]/hook",
    "https://[::ffff:127.0.0.1]/hook",
    "https://[::ffff:a00:1]/hook",
    "http://example.com/hook",
    "http://127.0.0.1:3000/hook",
  ];
  for (const url of refusedTargets) {
    const response = await owner.post("/api/v1/webhooks", { url, events: ["key.*"] });
    const body = await response.json();
    expect(response.status, `${url}: ${JSON.stringify(body)}`).toBe(400);
    expect(body.error.code).toBe("VALIDATION_FAILED");
    expect(body.error.details.issues[0].field, url).toBe("url");
  }
  // Nothing was created by any of them.
  const listed = await fetch(`${server.url}/api/v1/webhooks`, { headers: { cookie: owner.cookie } });
  expect((await listed.json()).data).toEqual([]);

  // A public HTTPS name is accepted (it need not resolve here: each attempt resolves and checks it again).
  const accepted = await owner.post("/api/v1/webhooks", {
    url: "https://hooks.example.com/keysmith",
    events: ["key.*"],
  });
  expect(accepted.status).toBe(201);
  const { id } = await accepted.json();
  // Changing it to a private address is refused the same way.
  const patch = await fetch(`${server.url}/api/v1/webhooks/${id}`, {
    method: "PATCH",
    headers: { cookie: owner.cookie, origin: server.url, "content-type": "application/json" },
    body: JSON.stringify({ url: "https://[::ffff:10.1.2.3]/hook" }),
  });
  expect(patch.status).toBe(400);
  expect((await patch.json()).error.details.issues[0].field).toBe("url");
});
