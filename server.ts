import { createServer } from "node:http";
import next from "next";
import { CLIENT_IP_HEADER } from "./lib/auth/with-auth";
import { getRuntime } from "./lib/runtime";

/**
 * One process: a node:http server in front of Next's request handler. The database,
 * auth and usage counters are opened here first (lib/runtime.ts keeps them on globalThis)
 * so that Next's route handlers reuse the same instances.
 */
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
// "::" accepts IPv4 and IPv6 on a dual-stack host.
const host = process.env.HOST ?? "::";

const runtime = await getRuntime();
const app = next({ dev, port, hostname: "localhost" });
await app.prepare();
const handle = app.getRequestHandler();

const server = createServer((req, res) => {
  // The client address as we saw it; a header of the same name sent by the client is overwritten.
  req.headers[CLIENT_IP_HEADER] = normaliseIp(req.socket.remoteAddress);
  void handle(req, res);
});

server.listen(port, host, () => {
  console.log(`[keysmith] ready on http://localhost:${port} (${runtime.database.backend}${dev ? ", dev" : ""})`);
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`[keysmith] ${signal}: flushing usage and closing`);
  server.close();
  server.closeIdleConnections();
  try {
    await runtime.close();
  } finally {
    process.exit(0);
  }
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));

function normaliseIp(address: string | undefined): string {
  if (!address) return "";
  return address.startsWith("::ffff:") ? address.slice(7) : address;
}
