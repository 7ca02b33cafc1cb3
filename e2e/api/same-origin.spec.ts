import { anonymous, createKey, signUpWithWorkspace } from "../support/api";
import { freePort, startServer } from "../support/server";
import { expect, test } from "../support/test";

// Cookie-authenticated mutations must carry an Origin equal to the configured public URL's
// origin (lib/auth/same-origin.ts), on /api/v1 and on better-auth's own routes alike.

type Headers = Record<string, string>;

async function sessionCookie(api: Awaited<ReturnType<typeof signUpWithWorkspace>>["api"]): Promise<string> {
  const { cookies } = await api.storageState();
  return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

/** Origins a browser on another site, or a crafted request, could present; `null` sends none. */
function refusedOrigins(baseURL: string): [string, Headers][] {
  const { port } = new URL(baseURL);
  return [
    ["other scheme", { origin: `https://localhost:${port}` }],
    ["other port", { origin: `http://localhost:${Number(port) + 1}` }],
    ["other host", { origin: "http://evil.example" }],
    ["lookalike host", { origin: `http://localhost.evil.example:${port}` }],
    ["userinfo", { origin: `http://evil@localhost:${port}` }],
    ["trailing path", { origin: `${baseURL}/` }],
    ["opaque origin", { origin: "null" }],
    ["X-Forwarded-Host spoof", { origin: "http://evil.example", "x-forwarded-host": "evil.example" }],
    ["no Origin", {}],
  ];
}

test.describe("same-origin rule for cookie mutations", () => {
  test("/api/v1: only the exact public origin; a key-authenticated call is not a CSRF target", async ({ baseURL }) => {
    const owner = await signUpWithWorkspace(baseURL!);
    const cookie = await sessionCookie(owner.api);
    const create = (headers: Headers) =>
      fetch(`${baseURL}/api/v1/keys`, {
        method: "POST",
        headers: { cookie, "content-type": "application/json", ...headers },
        body: JSON.stringify({ name: "Origin matrix" }),
      });

    expect((await create({ origin: baseURL! })).status).toBe(201);
    for (const [name, headers] of refusedOrigins(baseURL!)) {
      const response = await create(headers);
      expect(response.status, name).toBe(403);
      expect(await response.json(), name).toEqual({
        error: { code: "FORBIDDEN", message: expect.stringContaining("Cross-origin request refused") },
      });
    }
    // Reads are not mutations.
    const read = await fetch(`${baseURL}/api/v1/keys`, { headers: { cookie, origin: "http://evil.example" } });
    expect(read.status).toBe(200);
    // A key is no ambient credential: a browser cannot attach it for another site.
    const { key } = await createKey(owner.api, { scopes: ["keys.read", "keys.write"] });
    const target = await createKey(owner.api);
    const machine = await anonymous(baseURL!);
    const withKey = await machine.patch(`/api/v1/keys/${target.id}`, {
      headers: { authorization: `Bearer ${key}`, origin: "http://evil.example" },
      data: { name: "Renamed by key" },
    });
    expect(withKey.status(), await withKey.text()).toBe(200);
  });

  test("better-auth's routes: the same rule where a session cookie is sent", async ({ baseURL }) => {
    const owner = await signUpWithWorkspace(baseURL!);
    const cookie = await sessionCookie(owner.api);
    const rename = (headers: Headers, name: string) =>
      fetch(`${baseURL}/api/auth/update-user`, {
        method: "POST",
        headers: { cookie, "content-type": "application/json", ...headers },
        body: JSON.stringify({ name }),
      });

    // The session's user as stored, not as the 60-second session cookie cache remembers it.
    const storedName = async () =>
      (await (await fetch(`${baseURL}/api/auth/get-session?disableCookieCache=true`, { headers: { cookie } })).json())
        .user.name;
    for (const [name, headers] of refusedOrigins(baseURL!)) {
      const response = await rename(headers, "Renamed Elsewhere");
      expect(response.status, name).toBe(403);
      expect((await response.json()).error?.code, name).toBe("FORBIDDEN");
    }
    expect(await storedName()).toBe(owner.name);
    expect((await rename({ origin: baseURL! }, "Same Origin")).status).toBe(200);
    expect(await storedName()).toBe("Same Origin");
  });

  test("the origin compared is BETTER_AUTH_URL's, not the Host the request names", async () => {
    test.setTimeout(120_000);
    const publicUrl = "https://keys.example.test";
    const server = await startServer(await freePort(), { BETTER_AUTH_URL: publicUrl });
    try {
      const post = (path: string, headers: Headers, body: unknown) =>
        fetch(`${server.url}${path}`, {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body: JSON.stringify(body),
        });
      const signUp = await post(
        "/api/auth/sign-up/email",
        { origin: publicUrl },
        { name: "Public", email: "public@example.com", password: "correct-horse-battery" },
      );
      expect(signUp.status, await signUp.clone().text()).toBe(200);
      const cookie = signUp.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
      const workspace = { name: "Public", slug: "public" };
      // The server is reached as localhost here, but its pages are served from the public URL.
      expect((await post("/api/v1/workspaces", { cookie, origin: server.url }, workspace)).status).toBe(403);
      expect((await post("/api/v1/workspaces", { cookie, origin: publicUrl }, workspace)).status).toBe(201);
    } finally {
      await server.stop();
    }
  });
});
