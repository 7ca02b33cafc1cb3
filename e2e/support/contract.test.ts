import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type ApiAnswer, contractViolation } from "./contract";

const answer = (method: string, path: string, status: number, body: unknown, contentType = "application/json") =>
  ({
    method,
    url: `http://localhost:3000${path}`,
    status,
    contentType,
    body: Buffer.from(body === undefined ? "" : typeof body === "string" ? body : JSON.stringify(body)),
  }) satisfies ApiAnswer;

const error = (code: string) => ({ error: { code, message: "Something" } });

describe("the contract check of HTTP tests", () => {
  it("accepts answers the document describes", () => {
    expect(
      contractViolation(answer("GET", "/api/v1/keys", 200, { data: [], nextCursor: null, prevCursor: null })),
    ).toBeUndefined();
    expect(contractViolation(answer("GET", "/api/v1/keys/key_abc", 404, error("NOT_FOUND")))).toBeUndefined();
    expect(contractViolation(answer("DELETE", "/api/v1/members/mem_abc", 204, undefined))).toBeUndefined();
    expect(contractViolation(answer("GET", "/api/auth/session", 500, "not ours", "text/plain"))).toBeUndefined();
  });

  it("flags a body that does not match its schema", () => {
    expect(contractViolation(answer("GET", "/api/v1/keys", 200, { keys: [] }))).toMatch(
      /GET \/api\/v1\/keys → 200: .*data/,
    );
  });

  it("flags a status the operation does not document", () => {
    expect(contractViolation(answer("GET", "/api/v1/keys", 500, error("INTERNAL_ERROR")))).toMatch(
      /status 500 is not documented/,
    );
  });

  it("flags an error outside the error shape, on documented and undocumented routes", () => {
    expect(contractViolation(answer("GET", "/api/v1/keys", 401, { message: "no" }))).toMatch(/401/);
    expect(contractViolation(answer("GET", "/api/v1/nothing-here", 404, "Not Found", "text/html"))).toMatch(
      /not the error shape/,
    );
    expect(contractViolation(answer("PUT", "/api/v1/keys", 405, error("METHOD_NOT_ALLOWED")))).toBeUndefined();
  });

  it("tells a literal path from a parameter: /members/invitations is not /members/{id}", () => {
    expect(contractViolation(answer("GET", "/api/v1/members/invitations", 200, { data: [] }))).toBeUndefined();
  });

  it("checks the content type of a non-JSON answer", () => {
    expect(
      contractViolation(answer("GET", "/api/v1/audit/export", 200, "a,b\n", "text/csv; charset=utf-8")),
    ).toBeUndefined();
    expect(contractViolation(answer("GET", "/api/v1/audit/export", 200, {}, "application/json"))).toMatch(/text\/csv/);
  });
});

describe("the HTTP specs", () => {
  it("all run under the contract fixture (their test comes from e2e/support/test.ts)", () => {
    const bypassing = ["e2e/api", "e2e/scale"].flatMap((dir) =>
      readdirSync(dir)
        .filter((file) => file.endsWith(".spec.ts"))
        .map((file) => join(dir, file))
        .filter((path) => !/import \{[^}]*\btest\b[^}]*\} from "\.\.\/support\/test"/.test(readFileSync(path, "utf8"))),
    );
    expect(bypassing).toEqual([]);
  });
});
