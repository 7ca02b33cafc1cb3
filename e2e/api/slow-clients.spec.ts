import { connect, type Socket } from "node:net";
import { freePort, startServer } from "../support/server";
import { expect, test } from "../support/test";

/** Opens a connection, sends `text` and resolves with everything the server sent until it closed, and when. */
function holdOpen(port: number, text: string): { socket: Socket; closed: Promise<{ reply: string; afterMs: number }> } {
  const started = Date.now();
  const socket = connect(port, "127.0.0.1", () => socket.write(text));
  let reply = "";
  socket.on("data", (chunk) => (reply += chunk));
  socket.on("error", () => {});
  const closed = new Promise<{ reply: string; afterMs: number }>((resolve) =>
    socket.on("close", () => resolve({ reply, afterMs: Date.now() - started })),
  );
  return { socket, closed };
}

test.describe("slow clients and too many connections", () => {
  test.describe.configure({ timeout: 120_000 });

  test("headers or a body that trickle in are cut off with 408; connections beyond the cap are closed", async () => {
    const port = await freePort();
    const server = await startServer(port, {
      KEYSMITH_HEADERS_TIMEOUT_MS: "1000",
      KEYSMITH_REQUEST_TIMEOUT_MS: "2000",
      KEYSMITH_MAX_CONNECTIONS: "4",
    });
    try {
      const headers = holdOpen(port, "GET /api/health HTTP/1.1\r\nHost: localhost\r\n");
      const body = holdOpen(
        port,
        'POST /api/v1/keys/verify HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"key":',
      );
      const headersCut = await headers.closed;
      expect(headersCut.reply).toMatch(/^HTTP\/1\.1 408 /);
      expect(headersCut.afterMs).toBeLessThan(4_000);
      const bodyCut = await body.closed;
      expect(bodyCut.reply).toMatch(/^HTTP\/1\.1 408 /);
      expect(bodyCut.afterMs).toBeLessThan(5_000);

      // Six connections opened at once against a cap of four: some are closed unanswered at
      // once (how many depends on connections this test's own client still keeps open).
      const opened = Array.from({ length: 6 }, () =>
        holdOpen(port, "GET /api/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"),
      );
      const dropped: string[] = [];
      for (const connection of opened) void connection.closed.then(({ reply }) => dropped.push(reply));
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(dropped.length).toBeGreaterThanOrEqual(2);
      expect(dropped.every((reply) => reply === "")).toBe(true);
      for (const connection of opened) connection.socket.destroy();
      await Promise.all(opened.map((connection) => connection.closed));
      await expect.poll(async () => (await fetch(`${server.url}/api/health`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});
