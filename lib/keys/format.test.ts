import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { BASE62_ALPHABET, encodeBase62, randomBase62 } from "./base62";
import { generateKey, isWellFormedKey, MAX_KEY_LENGTH, parseKey } from "./format";

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

  it("carries a workspace's own environment", () => {
    expect(generateKey("sk", "prod")).toMatch(/^sk_prod_[0-9A-Za-z]{38}$/);
    expect(generateKey("acme", "production")).toMatch(/^acme_production_[0-9A-Za-z]{38}$/);
  });

  it("refuses an invalid prefix", () => {
    expect(() => generateKey("S", "live")).toThrow();
    expect(() => generateKey("has_underscore", "live")).toThrow();
  });

  it("refuses an invalid environment", () => {
    for (const environment of ["p", "Prod", "stag_ing", "abcdefghijk", "dev1"]) {
      expect(() => generateKey("sk", environment), environment).toThrow();
    }
  });
});

describe("parseKey", () => {
  it("accepts a generated key and returns its parts", () => {
    const key = generateKey("mt", "test");
    expect(parseKey(key)).toEqual({ prefix: "mt", environment: "test", random: key.slice(8, 40) });
  });

  it("finds a custom environment by the second underscore", () => {
    for (const [prefix, environment] of [
      ["sk", "prod"],
      ["acme01", "staging"],
      ["abcdefghijkl", "production"],
      ["mt", "qa"],
    ]) {
      const key = generateKey(prefix, environment);
      const randomStart = prefix.length + environment.length + 2;
      expect(parseKey(key)).toEqual({ prefix, environment, random: key.slice(randomStart, randomStart + 32) });
    }
  });

  it("still accepts a live key made before environments were a workspace's own", () => {
    // sk_live_… as the old format built it: the body and its CRC32 in base62.
    const body = `sk_live_${"4hd8Wq2Lx0cP7mRv9TnB3kZs6YjA1uE5"}`;
    const old = body + encodeBase62(crc32(body), 6);
    expect(parseKey(old)).toEqual({ prefix: "sk", environment: "live", random: "4hd8Wq2Lx0cP7mRv9TnB3kZs6YjA1uE5" });
  });

  it("is no longer than MAX_KEY_LENGTH at the longest prefix and environment", () => {
    expect(generateKey("abcdefghijkl", "abcdefghij")).toHaveLength(MAX_KEY_LENGTH);
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
      `sk_Prod_${"a".repeat(38)}`,
      `sk_p_${"a".repeat(38)}`,
      `sk_abcdefghijk_${"a".repeat(38)}`,
      `sk_live_x_${"a".repeat(36)}`,
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

describe("isWellFormedKey", () => {
  // The format as a regex and the checksum as a string, the way the key is specified.
  const reference = (key: string) =>
    /^[a-z0-9]{2,12}_([a-z]{2,10})_[0-9A-Za-z]{38}$/.test(key) &&
    encodeBase62(crc32(key.slice(0, -6)), 6) === key.slice(-6);
  const mutations = (key: string): string[] => {
    const i = Math.floor(Math.random() * key.length);
    const chars = "aZ9_-é\u0000 ";
    const char = chars[Math.floor(Math.random() * chars.length)];
    return [
      key,
      key.slice(0, i) + char + key.slice(i + 1),
      key.slice(0, i) + char + key.slice(i),
      key.slice(0, i) + key.slice(i + 1),
      key.toUpperCase(),
      `x${key}`,
      key.replace("_live_", "_test_"),
      key.replace(/_[a-z]+_/, "_staging_"),
      key.replace(/_[a-z]+_/, `_${"e".repeat(1 + Math.floor(Math.random() * 12))}_`),
      `${"p".repeat(Math.floor(Math.random() * 14))}${key.slice(key.indexOf("_"))}`,
    ];
  };

  it("agrees with the format regex and the checksum on generated and damaged keys", () => {
    let accepted = 0;
    let refused = 0;
    for (let n = 0; n < 2000; n++) {
      const prefix = "abcdefghijklmnopqrstuvwxyz0123456789".slice(0, 2 + (n % 11));
      const environment = ["live", "test", "prod", "staging", "qa", "production"][n % 6];
      for (const key of mutations(generateKey(prefix, environment))) {
        expect(isWellFormedKey(key), key).toBe(reference(key));
        if (reference(key)) accepted++;
        else refused++;
      }
    }
    // Both answers were exercised: every untouched key is accepted, most damaged ones refused.
    expect(accepted).toBeGreaterThanOrEqual(2000);
    expect(refused).toBeGreaterThan(10_000);
  });
});
