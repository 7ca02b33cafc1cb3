import { connect, createServer, type Socket } from "node:net";

/**
 * A TCP proxy in front of a Keysmith server whose event-stream connections (GET /api/v1/ws)
 * can be cut silently: while cut, their bytes go nowhere in either direction and nothing is
 * closed, as when a network path dies without a word. HTTP requests keep flowing, so the
 * verifier behind it can still ask the server. `restore()` ends the cut connections (their
 * frames were torn) and lets new ones through. For the local verifier's staleness tests and
 * bench/verify-local.
 */
export interface CuttableProxy {
  url: string;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export function cuttableProxy(target: { host: string; port: number }): Promise<CuttableProxy> {
  let isCut = false;
  const streams = new Set<Socket>();
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    sockets.add(client);
    sockets.add(upstream);
    let stream = false;
    client.on("data", (chunk: Buffer) => {
      // Any request may open the stream: fetch's keep-alive connections carry the upgrade too.
      if (!stream && chunk.toString("latin1", 0, 16).startsWith("GET /api/v1/ws")) {
        stream = true;
        streams.add(client);
      }
      if (!(stream && isCut)) upstream.write(chunk);
    });
    upstream.on("data", (chunk: Buffer) => {
      if (!(stream && isCut)) client.write(chunk);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
      streams.delete(client);
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("close", end);
    upstream.on("close", end);
    client.on("error", end);
    upstream.on("error", end);
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}`,
        cut: () => {
          isCut = true;
        },
        restore: () => {
          for (const socket of streams) socket.destroy();
          isCut = false;
        },
        close: () =>
          new Promise((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
