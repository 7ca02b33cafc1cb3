import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { Keysmith } from "./client";
import { KeysmithConfigError, KeysmithError, KeysmithNetworkError, KeysmithTimeoutError } from "./errors";
import { backoffMs, retryAfterMs } from "./transport";

/** A real HTTP server answering each request with the next of `answers`, keeping what it received. */
type Answer = (req: IncomingMessage, res: ServerResponse) => void;
let server: Server | undefined;
const received: { method: string; url: string; at: number; authorization?: string }[] = [];

async function serve(...answers: Answer[]): Promise<string> {
  received.length = 0;
  if (server) {
    server.closeAllConnections();
    server.close();
  }
  server = createServer((req, res) => {
    received.push({
      method: req.method ?? "",
      url: req.url ?? "",
      at: Date.now(),
      authorization: req.headers.authorization,
    });
    req.resume();
    const answer = answers[Math.min(received.length - 1, answers.length - 1)];
    answer(req, res);
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  const running = server;
  server = undefined;
  if (!running) return;
  running.closeAllConnections();
  await new Promise((resolve) => running.close(resolve));
});

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Answer =>
  (_req, res) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };
const error = (status: number, code: string, headers: Record<string, string> = {}) =>
  json(status, { error: { code, message: `${code} happened`, details: { hint: 1 } } }, headers);
const ME = { type: "key", user: { id: "u1", name: "A" }, key: null, workspace: null, role: "owner", scopes: [] };
const VALID = {
  valid: true,
  code: "VALID",
  keyId: "key_1",
  workspaceId: "ws_1",
  environment: "live",
  scopes: [],
  expiresAt: null,
  role: "owner",
};
const hang: Answer = () => {};

function client(baseUrl: string, options: ConstructorParameters<typeof Keysmith>[0] = {}) {
  return new Keysmith({ baseUrl, apiKey: "sk_live_test", retryDelayMs: 100, ...options });
}

describe("retries", () => {
  it("retries a read after 5xx answers with growing, jittered pauses, then returns the answer", async () => {
    const url = await serve(error(503, "INTERNAL"), error(502, "INTERNAL"), json(200, ME));
    expect(await client(url).me()).toEqual(ME);
    expect(received).toHaveLength(3);
    // Equal jitter: the n-th pause is between half and all of 100 ms × 2^n.
    const pauses = [received[1].at - received[0].at, received[2].at - received[1].at];
    expect(pauses[0]).toBeGreaterThanOrEqual(45);
    expect(pauses[1]).toBeGreaterThanOrEqual(95);
    expect(received.every((r) => r.authorization === "Bearer sk_live_test")).toBe(true);
  });

  it("honours Retry-After in seconds rather than its own backoff", async () => {
    const url = await serve(error(429, "RATE_LIMITED", { "retry-after": "1" }), json(200, VALID));
    const answer = await client(url, { retryDelayMs: 1 }).keys.verify({ key: "sk_live_x" });
    expect(answer).toEqual(VALID);
    expect(received[1].at - received[0].at).toBeGreaterThanOrEqual(950);
  });

  it("honours Retry-After as an HTTP date", async () => {
    const at = new Date(Date.now() + 2000);
    const url = await serve(error(503, "INTERNAL", { "retry-after": at.toUTCString() }), json(200, ME));
    await client(url, { retryDelayMs: 1 }).me();
    // HTTP dates have whole seconds: the pause is what was left of them.
    expect(received[1].at).toBeGreaterThanOrEqual(Math.floor(at.getTime() / 1000) * 1000 - 50);
  });

  it("does not wait for a Retry-After longer than maxRetryDelayMs: the 429 is thrown at once, typed", async () => {
    const url = await serve(error(429, "RATE_LIMITED", { "retry-after": "120" }));
    const started = Date.now();
    const failure = await client(url)
      .me()
      .catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(received).toHaveLength(1);
    expect(failure).toBeInstanceOf(KeysmithError);
    expect(failure).toMatchObject({ code: "RATE_LIMITED", status: 429, retryAfterMs: 120_000, details: { hint: 1 } });
  });

  it("gives up after `retries` retries with the last error, its code, status, message and details", async () => {
    const url = await serve(error(500, "INTERNAL"));
    const failure = await client(url, { retries: 3, retryDelayMs: 10 })
      .keys.get("key_1")
      .catch((e: unknown) => e);
    expect(received).toHaveLength(4);
    expect(failure).toMatchObject({
      name: "KeysmithError",
      code: "INTERNAL",
      status: 500,
      message: "INTERNAL happened",
    });
  });

  it("never repeats a create or a rotation after a 5xx (it may have happened), but does after a 429 (it did not)", async () => {
    const url = await serve(error(500, "INTERNAL"));
    await expect(client(url).keys.create({ name: "Billing" })).rejects.toMatchObject({ status: 500 });
    await expect(client(url).keys.rotate("key_1")).rejects.toMatchObject({ status: 500 });
    expect(received.map((r) => `${r.method} ${r.url}`)).toEqual([
      "POST /api/v1/keys",
      "POST /api/v1/keys/key_1/rotate",
    ]);
    const again = await serve(error(429, "RATE_LIMITED", { "retry-after": "0" }), json(201, { id: "key_2" }));
    expect(await client(again).keys.create({ name: "Billing" })).toEqual({ id: "key_2" });
    expect(received).toHaveLength(2);
  });

  it("does not retry a 4xx other than 429", async () => {
    const url = await serve(error(404, "NOT_FOUND"));
    await expect(client(url).keys.get("key_x")).rejects.toMatchObject({ code: "NOT_FOUND", status: 404 });
    expect(received).toHaveLength(1);
  });

  it("types an error answer not in Keysmith's shape (a proxy's page) by its status", async () => {
    const url = await serve((_req, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<h1>Bad gateway</h1>");
    });
    const failure = await client(url, { retries: 0 })
      .me()
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: "INTERNAL", status: 502, details: "<h1>Bad gateway</h1>" });
  });
});

describe("timeouts and the network", () => {
  it("times out an attempt with no answer, typed, and retries a read", async () => {
    const url = await serve(hang, hang);
    const started = Date.now();
    const failure = await client(url, { timeoutMs: 300, retries: 1, retryDelayMs: 1 })
      .me()
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(KeysmithTimeoutError);
    expect(failure).toMatchObject({ code: "TIMEOUT", status: null });
    expect(received).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(590);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("times out an answer whose body stalls after its headers", async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"valid":');
    });
    const failure = await client(url, { timeoutMs: 300, retries: 0 })
      .keys.verify({ key: "k" })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(KeysmithTimeoutError);
  });

  it("does not retry a create that timed out (it may have been created)", async () => {
    const url = await serve(hang);
    await expect(client(url, { timeoutMs: 200 }).keys.create({ name: "Billing" })).rejects.toBeInstanceOf(
      KeysmithTimeoutError,
    );
    expect(received).toHaveLength(1);
  });

  it("types a reset connection as a network error; a read is retried, a create is not", async () => {
    const url = await serve((req) => req.socket.destroy());
    const read = await client(url, { retries: 2, retryDelayMs: 1 })
      .me()
      .catch((e: unknown) => e);
    expect(read).toBeInstanceOf(KeysmithNetworkError);
    expect(read).toMatchObject({ code: "NETWORK_ERROR", status: null });
    expect(received).toHaveLength(3);
    received.length = 0;
    await expect(client(url, { retries: 2 }).keys.create({ name: "Billing" })).rejects.toBeInstanceOf(
      KeysmithNetworkError,
    );
    expect(received).toHaveLength(1);
  });

  it("types a refused connection as a network error naming the address", async () => {
    const url = await serve(hang);
    server?.close();
    server?.closeAllConnections();
    const failure = await client(url, { retries: 1, retryDelayMs: 1 })
      .me()
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(KeysmithNetworkError);
    expect((failure as Error).message).toContain(url);
    expect((failure as Error).message).toContain("ECONNREFUSED");
  });

  it("stops waiting between retries when the caller's signal aborts", async () => {
    const url = await serve(error(503, "INTERNAL", { "retry-after": "5" }));
    const started = Date.now();
    await expect(client(url).me({ signal: AbortSignal.timeout(300) })).rejects.toMatchObject({ name: "TimeoutError" });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(received).toHaveLength(1);
  });
});

describe("configuration", () => {
  it("names the option and the variable when the address is missing", () => {
    const saved = process.env.KEYSMITH_URL;
    delete process.env.KEYSMITH_URL;
    try {
      expect(() => new Keysmith()).toThrow(KeysmithConfigError);
      expect(() => new Keysmith()).toThrow(/baseUrl.*KEYSMITH_URL/);
    } finally {
      if (saved !== undefined) process.env.KEYSMITH_URL = saved;
    }
  });

  it("reads KEYSMITH_URL and KEYSMITH_API_KEY", async () => {
    const url = await serve(json(200, ME));
    process.env.KEYSMITH_URL = url;
    process.env.KEYSMITH_API_KEY = "sk_live_from_env";
    try {
      await new Keysmith().me();
      expect(received[0].authorization).toBe("Bearer sk_live_from_env");
    } finally {
      delete process.env.KEYSMITH_URL;
      delete process.env.KEYSMITH_API_KEY;
    }
  });

  it("calls needing a key say so before sending anything; verify needs none", async () => {
    const url = await serve(json(200, VALID));
    const anonymous = new Keysmith({ baseUrl: url });
    await expect(anonymous.keys.list()).rejects.toThrow(/apiKey.*KEYSMITH_API_KEY/);
    expect(received).toHaveLength(0);
    expect(await anonymous.keys.verify({ key: "sk_live_x" })).toEqual(VALID);
    expect(received[0].authorization).toBeUndefined();
  });

  it("works where there is no `process` (edge runtimes)", () => {
    const saved = globalThis.process;
    Object.defineProperty(globalThis, "process", { value: undefined, configurable: true, writable: true });
    let made: Keysmith | undefined;
    let thrown: unknown;
    try {
      made = new Keysmith({ baseUrl: "https://keys.example.com" });
      try {
        new Keysmith();
      } catch (e) {
        thrown = e;
      }
    } finally {
      Object.defineProperty(globalThis, "process", { value: saved, configurable: true, writable: true });
    }
    expect(made?.baseUrl).toBe("https://keys.example.com");
    expect(thrown).toBeInstanceOf(KeysmithConfigError);
  });
});

describe("the arithmetic", () => {
  it("backs off exponentially with equal jitter, capped", () => {
    expect(backoffMs(0, 100, 10_000, () => 0)).toBe(50);
    expect(backoffMs(0, 100, 10_000, () => 1)).toBe(100);
    expect(backoffMs(3, 100, 10_000, () => 0.5)).toBe(600);
    expect(backoffMs(20, 100, 1000, () => 1)).toBe(1000);
  });

  it("reads Retry-After as seconds or an HTTP date", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(retryAfterMs("3", now)).toBe(3000);
    expect(retryAfterMs("Thu, 01 Jan 2026 00:00:05 GMT", now)).toBe(5000);
    expect(retryAfterMs("Wed, 31 Dec 2025 00:00:00 GMT", now)).toBe(0);
    expect(retryAfterMs(null, now)).toBeNull();
    expect(retryAfterMs("soon", now)).toBeNull();
  });
});
