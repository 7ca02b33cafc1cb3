import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { applySecurityHeaders, NONCE_HEADER, securityHeaders } from "./security-headers";

function directives(policy: string): Map<string, string> {
  return new Map(
    policy.split(";").map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name, values.join(" ")];
    }),
  );
}

describe("securityHeaders", () => {
  it("over https: HSTS and upgrade-insecure-requests", () => {
    const headers = securityHeaders({ publicUrl: "https://keys.example.com", dev: false });
    expect(headers.fixed["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
    expect(directives(headers.contentSecurityPolicy("abc")).has("upgrade-insecure-requests")).toBe(true);
  });

  it("over http: neither", () => {
    const headers = securityHeaders({ publicUrl: "http://localhost:3000", dev: false });
    expect(headers.fixed["strict-transport-security"]).toBeUndefined();
    expect(directives(headers.contentSecurityPolicy("abc")).has("upgrade-insecure-requests")).toBe(false);
  });

  it("refuses framing, sniffing and full referrers everywhere", () => {
    const { fixed } = securityHeaders({ publicUrl: "http://localhost:3000", dev: false });
    expect(fixed).toMatchObject({
      "x-frame-options": "DENY",
      "x-content-type-options": "nosniff",
      "referrer-policy": "strict-origin-when-cross-origin",
    });
  });

  it("allows only scripts carrying the nonce, and no eval outside dev", () => {
    const policy = directives(
      securityHeaders({ publicUrl: "http://localhost:3000", dev: false }).contentSecurityPolicy("n0nce"),
    );
    expect(policy.get("script-src")).toBe("'self' 'nonce-n0nce' 'strict-dynamic'");
    expect(policy.get("frame-ancestors")).toBe("'none'");
    expect(policy.get("object-src")).toBe("'none'");
    expect(policy.get("base-uri")).toBe("'self'");
    expect(policy.get("form-action")).toBe("'self'");
    const dev = securityHeaders({ publicUrl: "http://localhost:3000", dev: true }).contentSecurityPolicy("n");
    expect(directives(dev).get("script-src")).toContain("'unsafe-eval'");
  });
});

describe("applySecurityHeaders", () => {
  it("puts a fresh nonce in the response policy and in the request Next reads", () => {
    const headers = securityHeaders({ publicUrl: "https://keys.example.com", dev: false });
    const seen = [0, 1].map(() => {
      const req = { headers: { [NONCE_HEADER]: "chosen-by-client", "content-security-policy": "script-src *" } };
      const set = new Map<string, string>();
      const res = { setHeader: (name: string, value: string) => set.set(name, value) };
      applySecurityHeaders(req as unknown as IncomingMessage, res as unknown as ServerResponse, headers);
      const nonce = req.headers[NONCE_HEADER];
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(set.get("content-security-policy")).toBe(req.headers["content-security-policy"]);
      expect(set.get("content-security-policy")).toContain(`'nonce-${nonce}'`);
      expect(set.get("strict-transport-security")).toBeDefined();
      return nonce;
    });
    expect(seen[0]).not.toBe(seen[1]);
  });
});
