import { describe, expect, it } from "vitest";
import { isAllowedMutation, trustedOrigins } from "./same-origin";

describe("trustedOrigins", () => {
  it("trusts exactly the public origin of a deployment", () => {
    expect(trustedOrigins("https://keys.example.com/")).toEqual(["https://keys.example.com"]);
    expect(trustedOrigins("https://keys.example.com:8443")).toEqual(["https://keys.example.com:8443"]);
  });

  it("on a loopback URL, the other loopback names with the same scheme and port", () => {
    expect(trustedOrigins("http://localhost:3000")).toEqual([
      "http://localhost:3000",
      "http://127.0.0.1:3000",
      "http://[::1]:3000",
    ]);
    expect(trustedOrigins("http://127.0.0.1")).toEqual(["http://127.0.0.1", "http://localhost", "http://[::1]"]);
  });
});

describe("isAllowedMutation", () => {
  const trusted = trustedOrigins("https://keys.example.com");

  it("lets safe methods through whatever their origin", () => {
    expect(isAllowedMutation("GET", null, trusted)).toBe(true);
    expect(isAllowedMutation("HEAD", "https://evil.example", trusted)).toBe(true);
  });

  it("accepts only the exact origin", () => {
    expect(isAllowedMutation("POST", "https://keys.example.com", trusted)).toBe(true);
    for (const origin of [
      "http://keys.example.com",
      "https://keys.example.com:444",
      "https://keys.example.com.evil.example",
      "https://evil@keys.example.com",
      "https://keys.example.com/",
      "null",
    ]) {
      expect(isAllowedMutation("POST", origin, trusted), origin).toBe(false);
    }
  });

  it("refuses a mutation without an Origin", () => {
    expect(isAllowedMutation("DELETE", null, trusted)).toBe(false);
  });
});
