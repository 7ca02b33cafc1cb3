import { freePort, startServer } from "../support/server";
import { expect, test } from "../support/test";

/**
 * better-auth's sign-in limit (3 tries in 10 s per address) counts the address server.ts
 * computed: without a trusted proxy the socket's, whatever X-Forwarded-For says; behind one
 * (KEYSMITH_TRUST_PROXY=1) the entry that proxy added, the last.
 */
async function wrongPasswordStatuses(url: string, forwardedFor: (attempt: number) => string): Promise<number[]> {
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 6; attempt++) {
    const res = await fetch(`${url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { origin: url, "content-type": "application/json", "x-forwarded-for": forwardedFor(attempt) },
      body: JSON.stringify({ email: "nobody@example.com", password: "wrong-password-guess" }),
    });
    await res.arrayBuffer();
    statuses.push(res.status);
  }
  return statuses;
}

test.describe("the sign-in limit cannot be dodged with X-Forwarded-For", () => {
  test.describe.configure({ mode: "serial", timeout: 120_000 });

  test("no trusted proxy: a new X-Forwarded-For on every try is still one address", async () => {
    const server = await startServer(await freePort(), { KEYSMITH_AUTH_RATE_LIMIT: "on", KEYSMITH_TRUST_PROXY: "0" });
    try {
      const statuses = await wrongPasswordStatuses(server.url, (attempt) => `198.51.100.${attempt + 1}`);
      expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
      expect(statuses.slice(3)).toEqual([429, 429, 429]);
    } finally {
      await server.stop();
    }
  });

  test("behind a trusted proxy: the proxy's entry decides, not what the client put before it", async () => {
    const server = await startServer(await freePort(), { KEYSMITH_AUTH_RATE_LIMIT: "on", KEYSMITH_TRUST_PROXY: "1" });
    try {
      const spoofed = await wrongPasswordStatuses(server.url, (attempt) => `198.51.100.${attempt + 1}, 203.0.113.7`);
      expect(spoofed.slice(3)).toEqual([429, 429, 429]);
      // Six callers the proxy saw as different addresses: none is limited by the others' tries.
      const distinct = await wrongPasswordStatuses(server.url, (attempt) => `203.0.113.${attempt + 20}`);
      expect(distinct).toEqual([401, 401, 401, 401, 401, 401]);
    } finally {
      await server.stop();
    }
  });
});

test("keysmith login requests are limited per address: 10 in 10 minutes, then 429 with Retry-After", async () => {
  test.setTimeout(120_000);
  const server = await startServer(await freePort(), { KEYSMITH_AUTH_RATE_LIMIT: "on", KEYSMITH_TRUST_PROXY: "1" });
  try {
    const start = (address: string) =>
      fetch(`${server.url}/api/v1/cli/login`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": address },
        body: JSON.stringify({ deviceName: "flood" }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await start("203.0.113.50")).status);
    expect(statuses).toEqual(Array(10).fill(201));
    const refused = await start("203.0.113.50");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await refused.json()).error.code).toBe("RATE_LIMITED");
    // Another address is not held back by the first one's requests.
    expect((await start("203.0.113.51")).status).toBe(201);
  } finally {
    await server.stop();
  }
});
