import { randomBytes } from "node:crypto";
import { connect } from "node:net";
import WebSocketClient from "ws";
import { createKey, json, signUpWithWorkspace } from "../support/api";
import { freePort, type StartedServer, startServer } from "../support/server";
import { authedStream, nextEvent, openStream, streamUrl } from "../support/stream";
import { expect, test } from "../support/test";

const MAX_BUFFER = 64 * 1024;

async function metric(server: StartedServer, name: string): Promise<number> {
  const text = await (await fetch(`${server.url}/api/metrics`)).text();
  const line = text.split("\n").find((l) => l.startsWith(`${name} `));
  return Number(line?.split(" ")[1] ?? Number.NaN);
}

/** A `ws` client that authenticates with `key` and resolves once accepted. */
async function rawClient(server: StartedServer, key: string, options: WebSocketClient.ClientOptions = {}) {
  const socket = new WebSocketClient(streamUrl(server.url, `?token=${key}`), options);
  const closed = new Promise<number>((resolve) => socket.on("close", (code) => resolve(code)));
  await new Promise((resolve, reject) => {
    socket.once("open", resolve);
    socket.once("error", reject);
  });
  socket.send(JSON.stringify({ type: "auth" }));
  await new Promise((resolve) => socket.once("message", resolve));
  return { socket, closed };
}

/**
 * A client that speaks just enough WebSocket to authenticate and ask for events, and never
 * reads a byte: what the server sends piles up in the kernel's buffers, then in the server.
 */
function nonReadingClient(server: StartedServer, key: string) {
  const socket = connect(Number(new URL(server.url).port), "127.0.0.1");
  socket.pause();
  socket.on("error", () => {});
  socket.write(
    `GET /api/v1/ws?token=${key} HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: ${randomBytes(16).toString("base64")}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
  );
  /** One masked text frame, as every client frame must be (RFC 6455 §5.3). */
  const send = (message: unknown) => {
    const payload = Buffer.from(JSON.stringify(message));
    const mask = randomBytes(4);
    const header =
      payload.length < 126
        ? Buffer.from([0x81, 0x80 | payload.length])
        : Buffer.from([0x81, 0xfe, payload.length >> 8, payload.length & 0xff]);
    socket.write(Buffer.concat([header, mask, payload.map((byte, i) => byte ^ mask[i % 4])]));
  };
  send({ type: "auth" });
  return { send };
}

test.describe("event stream limits", () => {
  test.describe.configure({ timeout: 120_000 });
  test.describe.configure({ mode: "serial" });
  let server: StartedServer;
  /** Default heartbeat here: a client that does not read would otherwise go for not answering pings first. */
  let bounded: StartedServer;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    [server, bounded] = await Promise.all([
      startServer(await freePort(), { KEYSMITH_WS_AUTH_TIMEOUT_MS: "500", KEYSMITH_WS_PING_MS: "500" }),
      startServer(await freePort(), { KEYSMITH_WS_MAX_BUFFER_BYTES: String(MAX_BUFFER) }),
    ]);
  });
  test.afterAll(async () => {
    await Promise.all([server?.stop(), bounded?.stop()]);
  });

  test("a client that does not authenticate in time is closed with 4408", async () => {
    const stream = await openStream(server.url);
    const started = Date.now();
    expect((await stream.closed).code).toBe(4408);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  test("a client that stops answering pings is dropped", async () => {
    const owner = await signUpWithWorkspace(server.url);
    const listener = await createKey(owner.api, { name: "Listener", scopes: ["keys.read"] });
    const before = await metric(server, 'keysmith_ws_dropped_total{reason="heartbeat"}');
    const silent = await rawClient(server, listener.key, { autoPong: false });
    const healthy = await authedStream(server.url, listener.key);
    await silent.closed;
    expect(await metric(server, 'keysmith_ws_dropped_total{reason="heartbeat"}')).toBe(before + 1);
    // The one that answers stays connected and keeps receiving.
    const created = await createKey(owner.api, { name: "After the drop" });
    expect(await nextEvent(healthy, "key.created")).toMatchObject({ data: { keyId: created.id } });
    healthy.close();
  });

  test("a client that does not read is closed once its backlog passes the bound; memory stays bounded", async () => {
    const owner = await signUpWithWorkspace(bounded.url);
    const listener = await createKey(owner.api, { name: "Listener", scopes: ["workspace.read"] });
    const before = await metric(bounded, 'keysmith_ws_dropped_total{reason="slow"}');
    const slow = nonReadingClient(bounded, listener.key);
    const reader = await authedStream(bounded.url, listener.key);
    // The slow client's auth has been answered by now (it was sent first, on the same bounded).
    await new Promise((resolve) => setTimeout(resolve, 500));

    // Large events (a workspace's 50 custom scopes, before and after): some 400 kB of them.
    const scopes = (tag: string) =>
      Array.from({ length: 50 }, (_, i) => `${tag}${"x".repeat(22)}${i}.read${"y".repeat(26)}`);
    const first = await json(
      await owner.api.patch("/api/v1/workspace", { data: { customScopes: scopes("first") } }),
      200,
    );
    expect(first).toBeTruthy();
    const firstEvent = await nextEvent(reader, "workspace.updated");
    for (let round = 0; round < 60; round++) {
      await json(
        await owner.api.patch("/api/v1/workspace", { data: { customScopes: scopes(round % 2 ? "odd" : "even") } }),
        200,
      );
    }
    // The client that does not read asks for all of it again and again (the kernel's buffers
    // hold a few megabytes before anything waits in the bounded).
    let peakBuffered = 0;
    let dropped = before;
    for (let ask = 0; ask < 40 && dropped === before; ask++) {
      slow.send({ type: "resume", after: firstEvent.id });
      await new Promise((resolve) => setTimeout(resolve, 300));
      peakBuffered = Math.max(peakBuffered, await metric(bounded, "keysmith_ws_buffered_bytes"));
      dropped = await metric(bounded, 'keysmith_ws_dropped_total{reason="slow"}');
    }
    expect(dropped).toBe(before + 1);
    // At most the bound plus one event ever waited for it.
    expect(peakBuffered).toBeLessThanOrEqual(MAX_BUFFER + 16 * 1024);
    // Closed for good a moment later (a client that does not read never sees the close frame).
    await expect.poll(() => metric(bounded, "keysmith_ws_connections"), { timeout: 10_000 }).toBe(1);
    expect(await metric(bounded, "keysmith_ws_buffered_bytes")).toBeLessThanOrEqual(16 * 1024);
    // The client that reads is not affected.
    const last = await nextEvent(reader, "workspace.updated", 10_000);
    expect(last.type).toBe("event");
    reader.close();
  });
});
