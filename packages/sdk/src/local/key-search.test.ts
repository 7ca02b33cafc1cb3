import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { generateKey } from "../../../../lib/keys/format";
import { maskKey as serverMask } from "../../../../lib/keys/mask";
import { findKeys, maskKey } from "./key-format";

describe("findKeys: Keysmith keys in free text", () => {
  it("finds keys wherever they sit, with their positions, and nothing else", () => {
    const a = generateKey("sk", "live");
    const b = generateKey("acme01", "staging");
    const text = `KEY=${a}\n  "token": "${b}",\nexport X='${a}' # again`;
    expect(findKeys(text, crc32)).toEqual([
      { key: a, index: text.indexOf(a) },
      { key: b, index: text.indexOf(b) },
      { key: a, index: text.lastIndexOf(a) },
    ]);
  });

  it("finds a key glued to other text before it, not one with more characters after it", () => {
    const key = generateKey("sk", "live");
    expect(findKeys(`a${key}`, crc32)).toEqual([{ key, index: 1 }]);
    expect(findKeys(`my_${key}`, crc32)).toEqual([{ key, index: 3 }]);
    expect(findKeys(`task${key}`, crc32).map((f) => f.key)).toEqual([key]);
    expect(findKeys(`${key}x`, crc32)).toEqual([]);
    expect(findKeys(`${key}.`, crc32).map((f) => f.key)).toEqual([key]);
  });

  it("ignores look-alikes whose checksum does not hold", () => {
    const key = generateKey("sk", "live");
    const typo = `${key.slice(0, 12)}${key[12] === "A" ? "B" : "A"}${key.slice(13)}`;
    expect(findKeys(`${typo} sk_live_${"a".repeat(38)}`, crc32)).toEqual([]);
  });

  it("masks as the server does", () => {
    for (const key of [generateKey("sk", "live"), generateKey("abcdefghijkl", "production")]) {
      expect(maskKey(key)).toBe(serverMask(key));
    }
  });
});
