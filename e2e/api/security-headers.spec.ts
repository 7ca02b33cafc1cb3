import { anonymous, createKey, json, signUpWithWorkspace } from "../support/api";
import { freePort, startServer } from "../support/server";
import { expect, test } from "../support/test";

// The headers server.ts puts on everything Next serves (lib/http/security-headers.ts), and the
// one constant header the verify fast path adds.

const EVERYWHERE = {
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
};

function directives(policy: string | undefined): Map<string, string> {
  expect(policy, "content-security-policy").toBeTruthy();
  return new Map(
    (policy ?? "").split(";").map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name, values.join(" ")];
    }),
  );
}

function nonceOf(policy: string | undefined): string {
  const nonce = directives(policy)
    .get("script-src")
    ?.match(/'nonce-([^']+)'/)?.[1];
  expect(nonce, "a nonce in script-src").toBeTruthy();
  return nonce as string;
}

test.describe("security headers", () => {
  test("pages, API routes, better-auth and static files carry them; no HSTS over http", async ({ baseURL }) => {
    const owner = await signUpWithWorkspace(baseURL!);
    const machine = await anonymous(baseURL!);
    const signIn = await machine.get("/sign-in");
    const html = await signIn.text();
    const script = html.match(/<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/)?.[1];
    expect(script, "a static chunk on the sign-in page").toBeTruthy();

    const responses = {
      "sign-in page": signIn,
      "redirect to sign-in": await machine.get("/", { maxRedirects: 0 }),
      "keys page": await owner.api.get(`/${owner.workspace.slug}/keys`),
      "404 page": await machine.get("/no/such/page"),
      "/api/health": await machine.get("/api/health"),
      "/api/v1 (401)": await machine.get("/api/v1/me"),
      "/api/v1 (200)": await owner.api.get("/api/v1/keys"),
      "better-auth": await owner.api.get("/api/auth/get-session"),
      "static chunk": await machine.get(script as string),
      "verify via Next": await machine.post("/api/v1/keys/verify?via=next", { data: { key: "sk_live_x" } }),
    };
    expect(responses["redirect to sign-in"].status()).toBe(307);
    expect(responses["404 page"].status()).toBe(404);
    for (const [name, response] of Object.entries(responses)) {
      const headers = response.headers();
      expect(headers, name).toMatchObject(EVERYWHERE);
      expect(headers["strict-transport-security"], name).toBeUndefined();
      const policy = directives(headers["content-security-policy"]);
      expect(policy.get("frame-ancestors"), name).toBe("'none'");
      expect(policy.get("object-src"), name).toBe("'none'");
      expect(policy.get("base-uri"), name).toBe("'self'");
      expect(policy.get("form-action"), name).toBe("'self'");
      expect(policy.get("script-src"), name).toMatch(/^'self' 'nonce-[A-Za-z0-9+/]+=*' 'strict-dynamic'$/);
      expect(policy.has("upgrade-insecure-requests"), name).toBe(false);
    }
  });

  test("every script a page sends carries this response's nonce, fresh each time", async ({ baseURL }) => {
    const machine = await anonymous(baseURL!);
    const nonces: string[] = [];
    for (let i = 0; i < 2; i++) {
      // A nonce or policy the client sends is never the one used.
      const page = await machine.get("/sign-in", {
        headers: { "x-nonce": "chosen", "content-security-policy": "script-src 'nonce-chosen'" },
      });
      const nonce = nonceOf(page.headers()["content-security-policy"]);
      const html = await page.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      // Next's own scripts and next-themes' inline theme script.
      expect(scripts.length).toBeGreaterThan(3);
      expect(html).toContain("localStorage.getItem");
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
      expect(html).not.toContain("chosen");
      nonces.push(nonce);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  test("the verify fast path adds only nosniff, a constant header", async ({ baseURL }) => {
    const owner = await signUpWithWorkspace(baseURL!);
    const machine = await anonymous(baseURL!);
    const { key } = await createKey(owner.api);
    const valid = await machine.post("/api/v1/keys/verify", { data: { key } });
    expect(await json(valid, 200)).toMatchObject({ valid: true });
    const malformed = await machine.post("/api/v1/keys/verify", { data: { key: 42 } });
    expect(malformed.status()).toBe(400);
    const tooLarge = await machine.post("/api/v1/keys/verify", { data: { key: "x".repeat(8 * 1024) } });
    expect(tooLarge.status()).toBe(413);
    for (const response of [valid, malformed, tooLarge]) {
      const headers = response.headers();
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["content-security-policy"]).toBeUndefined();
      expect(headers["x-frame-options"]).toBeUndefined();
    }
  });

  test("with an https BETTER_AUTH_URL: HSTS and upgrade-insecure-requests", async () => {
    test.setTimeout(120_000);
    const server = await startServer(await freePort(), { BETTER_AUTH_URL: "https://keys.example.test" });
    try {
      for (const path of ["/sign-in", "/api/health"]) {
        const response = await fetch(`${server.url}${path}`);
        expect(response.headers.get("strict-transport-security"), path).toBe("max-age=63072000; includeSubDomains");
        expect(directives(response.headers.get("content-security-policy") ?? "").has("upgrade-insecure-requests")).toBe(
          true,
        );
      }
    } finally {
      await server.stop();
    }
  });
});
