import { describe, expect, it } from "vitest";
import { keyFromHeaders } from "./guard";

describe("where the middleware reads the key", () => {
  const from = (headers: Record<string, string>) => keyFromHeaders((name) => headers[name]);

  it("takes Authorization: Bearer first, then X-API-Key", () => {
    expect(from({ authorization: "Bearer sk_live_a", "x-api-key": "sk_live_b" })).toBe("sk_live_a");
    expect(from({ authorization: "bearer  sk_live_a " })).toBe("sk_live_a");
    expect(from({ "x-api-key": " sk_live_b " })).toBe("sk_live_b");
  });

  it("ignores an Authorization that is not a Bearer token", () => {
    expect(from({ authorization: "Basic dXNlcjpwYXNz", "x-api-key": "sk_live_b" })).toBe("sk_live_b");
    expect(from({ authorization: "Bearer two words" })).toBeNull();
    expect(from({ authorization: "Bearer " })).toBeNull();
    expect(from({})).toBeNull();
  });
});
