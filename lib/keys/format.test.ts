import { describe, expect, it } from "vitest";
import { BASE62_ALPHABET, encodeBase62, randomBase62 } from "./base62";
import { generateKey, MAX_KEY_LENGTH, parseKey } from "./format";

describe("generateKey", () => {
  it("builds <prefix>_<env>_<32 random><6 checksum>", () => {
    const key = generateKey("sk", "live");
    expect(key).toMatch(/^sk_live_[0-9A-Za-z]{38}$/);
    expect(generateKey("acme01", "test")).toMatch(/^acme01_test_[0-9A-Za-z]{38}$/);
  });

  it("never repeats", () => {
    const keys = new Set(Array.from({ length: 1000 }, () => generateKey("sk", "live")));
    expect(keys.size).toBe(1000);
  });

  it("refuses an invalid prefix", () => {
    expect(() => generateKey("S", "live")).toThrow();
    expect(() => generateKey("has_underscore", "live")).toThrow();
  });
});

describe("parseKey", () => {
  it("accepts a generated key and returns its parts", () => {
    const key = generateKey("mt", "test");
    expect(parseKey(key)).toEqual({ prefix: "mt", environment: "test", random: key.slice(8, 40) });
  });

  it("rejects a key with one character changed (checksum)", () => {
    const key = generateKey("sk", "live");
    const i = 12;
    const swapped = key[i] === "a" ? "b" : "a";
    expect(parseKey(key.slice(0, i) + swapped + key.slice(i + 1))).toBeNull();
  });

  it("rejects a key whose checksum was recomputed for another prefix", () => {
    const key = generateKey("sk", "live");
    expect(parseKey(`mt${key.slice(2)}`)).toBeNull();
  });

  it("rejects wrong shapes", () => {
    for (const bad of [
      "",
      "sk_live_",
      `sk_prod_${"a".repeat(38)}`,
      `sk_live_${"a".repeat(37)}`,
      "x".repeat(MAX_KEY_LENGTH + 1),
    ]) {
      expect(parseKey(bad)).toBeNull();
    }
  });
});

describe("base62", () => {
  it("encodes to a fixed width", () => {
    expect(encodeBase62(0, 6)).toBe("000000");
    expect(encodeBase62(61, 2)).toBe("0z");
    expect(encodeBase62(62, 2)).toBe("10");
    expect(encodeBase62(0xffffffff, 6)).toHaveLength(6);
  });

  it("draws random strings from the whole alphabet", () => {
    const seen = new Set(randomBase62(5000));
    expect(seen.size).toBe(BASE62_ALPHABET.length);
  });
});
