import { EventEmitter } from "node:events";
import { createServer, type Server } from "node:http";
import next from "next";
import { CLIENT_IP_HEADER } from "./lib/auth/client-ip";
import { withoutUndecodableSessionCache } from "./lib/auth/session-cache-cookie";
import { takeBuiltNextConfig } from "./lib/boot/built-next-config";
import { wasPreloaded } from "./lib/boot/preloaded";
import { ConfigError, config, publicBaseUrl } from "./lib/config";
import { DataDirLockedError } from "./lib/db/data-dir-lock";
import { describeDatabaseError } from "./lib/db/errors";
import { DatabaseOpenError } from "./lib/db/open-error";
import { admitBody, bodyLimitFor } from "./lib/http/body-limit";
import { applySecurityHeaders, securityHeaders } from "./lib/http/security-headers";
import { answerClientError, refuseUnroutable } from "./lib/http/unroutable";
import { describeMail } from "./lib/mail/mailer";
import { getRuntime } from "./lib/runtime";
import { STREAM_PATH, StreamHub } from "./lib/stream/hub";
import { isVerifyRequest, serveVerify } from "./lib/verify/http";
import { SERVER_NODE_ARGS } from "./scripts/server-command";

/**
 * One process: a node:http server in front of Next's request handler. The database,
 * auth and usage counters are opened here first (lib/runtime.ts keeps them on globalThis)
 * so that Next's route handlers reuse the same instances.
 */
// What has to run before the app (lib/boot/preload.ts) must already have run: importing it
// here would be too late for the nextTick pin.
if (!wasPreloaded()) {
  console.error(`[keysmith] start the server with: node ${SERVER_NODE_ARGS.join(" ")} (as npm start does)`);
  process.exit(1);
}

/** A start-up failure the operator can act on: one line, no stack trace. */
function refuseToStart(message: string): never {
  console.error(`[keysmith] ${message}`);
  process.exit(1);
}

// The whole environment, parsed before anything uses it.
const settings = (() => {
  try {
    return config();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return refuseToStart(error.message);
  }
})();

const dev = process.argv.includes("--dev");
const port = settings.PORT;
// "::" (the default) accepts IPv4 and IPv6 on a dual-stack host.
const host = settings.HOST;

const runtime = await getRuntime().catch((error: unknown) => {
  if (!(error instanceof DataDirLockedError || error instanceof DatabaseOpenError)) throw error;
  return refuseToStart(error.message);
});
// Next listens for WebSocket upgrades on the server it is given (else on the first request's):
// it gets this emitter instead, and only the upgrades that are its own (dev hot reload).
const nextUpgrades = new EventEmitter();
if (!dev) takeBuiltNextConfig();
const app = next({ dev, port, hostname: "localhost", httpServer: nextUpgrades as Server });
await app.prepare();
const handle = app.getRequestHandler();

const trustProxy = settings.KEYSMITH_TRUST_PROXY;
const security = securityHeaders({ publicUrl: publicBaseUrl(), dev });

const server = createServer(
  {
    headersTimeout: settings.KEYSMITH_HEADERS_TIMEOUT_MS,
    requestTimeout: settings.KEYSMITH_REQUEST_TIMEOUT_MS,
    // How often those timeouts are checked (Node's default, 30 s, would let them overrun by that much).
    connectionsCheckingInterval: Math.min(1_000, settings.KEYSMITH_HEADERS_TIMEOUT_MS),
  },
  (req, res) => {
    // X-Forwarded-For counts only behind a trusted proxy. req.headers joins repeated lines, so
    // the proxy's entry is the last one.
    const clientIp = clientAddress(req.socket.remoteAddress, trustProxy ? req.headers["x-forwarded-for"] : undefined);
    // Verification is answered here, before Next: it is called on every request our users serve.
    if (isVerifyRequest(req)) {
      serveVerify(req, res, runtime, clientIp);
      return;
    }
    // CSP (with this response's script nonce), framing, sniffing, referrer and HSTS headers.
    applySecurityHeaders(req, res, security);
    if (refuseUnroutable(req, res)) return;
    // The client address as we saw it; a header of the same name sent by the client is overwritten.
    req.headers[CLIENT_IP_HEADER] = clientIp;
    const { cookie } = req.headers;
    if (cookie) req.headers.cookie = withoutUndecodableSessionCache(cookie);
    admitBody(req, res, bodyLimitFor(req.url), () => void handle(req, res));
  },
);
server.on("clientError", answerClientError);

// The event stream. Only its path is upgraded here: in development Next serves the hot-reload
// socket; in production no other path speaks WebSocket.
const stream = new StreamHub(runtime, {
  authTimeoutMs: settings.KEYSMITH_WS_AUTH_TIMEOUT_MS,
  pingMs: settings.KEYSMITH_WS_PING_MS,
  maxBufferBytes: settings.KEYSMITH_WS_MAX_BUFFER_BYTES,
});
stream.start();
// Webhook deliveries: every instance sends its share (lib/webhooks/worker.ts).
runtime.webhooks.start();
server.on("upgrade", (req, socket, head) => {
  // The query may hold a key (?token=): the URL is never logged.
  if (req.url?.split("?")[0] === STREAM_PATH) {
    const ip = clientAddress(req.socket.remoteAddress, trustProxy ? req.headers["x-forwarded-for"] : undefined);
    stream.upgrade(req, socket, head, ip);
  } else if (dev) {
    nextUpgrades.emit("upgrade", req, socket, head);
  } else {
    socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
  }
});
// Beyond this, new connections are closed at once; those open are served as before.
server.maxConnections = settings.KEYSMITH_MAX_CONNECTIONS;

server.listen(port, host, () => {
  console.log(`[keysmith] ready on http://localhost:${port} (${runtime.database.backend}${dev ? ", dev" : ""})`);
  console.log(`[keysmith] ${describeMail()}`);
});

// How long to keep serving, with /api/ready already 503, so a load balancer stops routing here first.
const SHUTDOWN_DELAY_MS = settings.KEYSMITH_SHUTDOWN_DELAY_MS;
// How long requests under way may take to finish once the server stops accepting.
const SHUTDOWN_GRACE_MS = settings.KEYSMITH_SHUTDOWN_GRACE_MS;

let stopping = false;
/**
 * SIGTERM: /api/ready turns 503 (and, with KEYSMITH_SHUTDOWN_DELAY_MS, the server keeps
 * serving that long while the load balancer notices), then no new connection is accepted,
 * requests under way finish (keep-alive connections are closed as they become idle), and
 * pending usage is flushed and the invalidation listener and the database pool are closed.
 */
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`[keysmith] ${signal}: flushing usage and closing`);
  runtime.draining = true;
  if (SHUTDOWN_DELAY_MS > 0) await new Promise((resolve) => setTimeout(resolve, SHUTDOWN_DELAY_MS));
  // Stream clients reconnect to another instance and resume there.
  stream.close();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  const idleSweep = setInterval(() => server.closeIdleConnections(), 50);
  server.closeIdleConnections();
  const grace = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref());
  await Promise.race([closed, grace]);
  clearInterval(idleSweep);
  server.closeAllConnections();
  let code = 0;
  try {
    await runtime.close();
  } catch (error) {
    console.error(`[keysmith] shutdown failed: ${describeDatabaseError(error)}`);
    code = 1;
  } finally {
    process.exit(code);
  }
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));

/**
 * The caller's address: the socket's, or behind one trusted proxy (KEYSMITH_TRUST_PROXY=1)
 * the last X-Forwarded-For entry, the one that proxy added.
 */
function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined): string {
  const forwarded = typeof forwardedFor === "string" ? forwardedFor.split(",").at(-1)?.trim() : undefined;
  const address = forwarded || socketAddress || "";
  if (address === lastAddress) return lastClientIp;
  lastAddress = address;
  lastClientIp = address.startsWith("::ffff:") ? address.slice(7) : address;
  return lastClientIp;
}
// The last address seen and its IPv4 form: a keep-alive client sends many requests from one
// address, and slicing a fresh string each time also made the rate limiter hash it again.
let lastAddress = "";
let lastClientIp = "";
