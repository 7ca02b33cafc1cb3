import { randomBytes } from "node:crypto";

export const BASE62_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Uniformly random base62 string (rejection sampling, so no modulo bias). */
export function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      // 248 = 62 * 4: bytes above it would over-represent the first characters.
      if (byte < 248) out += BASE62_ALPHABET[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
}

/** Fixed-width base62 encoding of a non-negative integer, left-padded with "0". */
export function encodeBase62(value: number, width: number): string {
  let n = value;
  let out = "";
  while (n > 0) {
    out = BASE62_ALPHABET[n % 62] + out;
    n = Math.floor(n / 62);
  }
  return out.padStart(width, "0");
}

/** The integer spelled by the base62 digits of `text` from `start` to its end (no allocation). */
export function decodeBase62(text: string, start = 0): number {
  let value = 0;
  for (let i = start; i < text.length; i++) value = value * 62 + BASE62_DIGIT_VALUES[text.charCodeAt(i)];
  return value;
}

/** Each base62 digit's value, by character code (0 for any other character below 128). */
export const BASE62_DIGIT_VALUES = new Uint8Array(128);
for (let i = 0; i < BASE62_ALPHABET.length; i++) BASE62_DIGIT_VALUES[BASE62_ALPHABET.charCodeAt(i)] = i;
