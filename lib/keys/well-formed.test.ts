import { randomInt } from "node:crypto";
import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { BASE62_ALPHABET, encodeBase62, randomBase62 } from "./base62";
import { generateKey } from "./format";
import { isWellFormedKey } from "./well-formed";

/** The definition the single pass must agree with: the pattern, then zlib's CRC-32. */
function byDefinition(key: string): boolean {
  if (!/^[a-z0-9]{2,12}_[a-z]{2,10}_[0-9A-Za-z]{38}$/.test(key)) return false;
  return encodeBase62(crc32(key.slice(0, -6)), 6) === key.slice(-6);
}

const CHARACTERS = `${BASE62_ALPHABET}_-. é\u0000`;

function mutated(key: string): string {
  const chars = [...key];
  switch (randomInt(4)) {
    case 0:
      chars[randomInt(chars.length)] = CHARACTERS[randomInt(CHARACTERS.length)];
      break;
    case 1:
      chars.splice(randomInt(chars.length), 1);
      break;
    case 2:
      chars.splice(randomInt(chars.length + 1), 0, CHARACTERS[randomInt(CHARACTERS.length)]);
      break;
    default:
      chars.splice(randomInt(chars.length), 1, "_");
  }
  return chars.join("");
}

function randomPrefix(min: number, max: number, alphabet: string): string {
  const length = min + randomInt(max - min + 1);
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join("");
}

describe("isWellFormedKey", () => {
  it("accepts every generated key, at every prefix and environment length", () => {
    for (let n = 0; n < 2_000; n++) {
      const key = generateKey(
        randomPrefix(2, 12, "abcdefghijklmnopqrstuvwxyz0123456789"),
        randomPrefix(2, 10, "abcdefghijklmnopqrstuvwxyz"),
      );
      expect(isWellFormedKey(key), key).toBe(true);
    }
  });

  it("agrees with the pattern and zlib's CRC-32 on keys with a character changed, dropped, added or made an underscore", () => {
    for (let n = 0; n < 20_000; n++) {
      const key = mutated(n % 2 ? generateKey("sk", "live") : mutated(generateKey("acme01", "staging")));
      expect(isWellFormedKey(key), key).toBe(byDefinition(key));
    }
  });

  it("refuses a checksum spelled for another body, or out of CRC-32's range", () => {
    const body = `sk_live_${randomBase62(32)}`;
    const right = encodeBase62(crc32(body), 6);
    expect(isWellFormedKey(body + right)).toBe(true);
    expect(isWellFormedKey(body + encodeBase62((crc32(body) + 1) % 2 ** 32, 6))).toBe(false);
    expect(isWellFormedKey(`${body}zzzzzz`)).toBe(false);
  });

  it("refuses wrong shapes at the boundaries", () => {
    const random = randomBase62(32);
    const keyOf = (prefix: string, environment: string) => {
      const body = `${prefix}_${environment}_${random}`;
      return body + encodeBase62(crc32(body), 6);
    };
    expect(isWellFormedKey(keyOf("ab", "cd"))).toBe(true);
    expect(isWellFormedKey(keyOf("abcdefghijkl", "abcdefghij"))).toBe(true);
    for (const [prefix, environment] of [
      ["a", "live"],
      ["abcdefghijklm", "live"],
      ["sk", "l"],
      ["sk", "abcdefghijk"],
      ["Sk", "live"],
      ["sk", "liv3"],
      ["", "live"],
      ["sk", ""],
    ]) {
      expect(isWellFormedKey(keyOf(prefix, environment)), `${prefix}_${environment}`).toBe(false);
    }
    expect(isWellFormedKey("")).toBe(false);
    expect(isWellFormedKey("sk_live_")).toBe(false);
    expect(isWellFormedKey(`sk_live_${"a".repeat(500)}`)).toBe(false);
  });
});
