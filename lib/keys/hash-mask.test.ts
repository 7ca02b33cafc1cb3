import { describe, expect, it } from "vitest";
import { generateKey } from "./format";
import { hashKey } from "./hash";
import { maskKey } from "./mask";

describe("hashKey", () => {
  it("is the hex SHA-256 of the whole key", () => {
    expect(hashKey("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("differs for different keys", () => {
    expect(hashKey(generateKey("sk", "live"))).not.toBe(hashKey(generateKey("sk", "live")));
  });
});

describe("maskKey", () => {
  it("keeps the prefix, environment, 4 leading and 4 trailing characters", () => {
    const key = "sk_live_3f9aBCDEFGHIJKLMNOPQRSTUVWXYZabcdea7b8";
    expect(maskKey(key)).toBe("sk_live_3f9a…a7b8");
  });

  it("never contains the secret part", () => {
    const key = generateKey("acme", "test");
    const masked = maskKey(key);
    expect(masked.startsWith("acme_test_")).toBe(true);
    expect(masked.replace("…", "").length).toBeLessThan(key.length - 20);
  });
});
