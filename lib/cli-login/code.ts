import { randomInt } from "node:crypto";
import { randomBase62 } from "../keys/base62";

/**
 * The two secrets of a `keysmith login` request. The code is what a person reads and types
 * (ABCD-EFGH: consonants only, so it spells no word and no 0/O or 1/I mix-up); it only names
 * the request, which a signed-in user must still approve. The poll token is what the CLI
 * collects the key with: long and random, stored only as its SHA-256.
 */
const CODE_ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";
const CODE_LENGTH = 8;

export function newLoginCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** A code as typed ("abcd efgh", "ABCDEFGH") in its stored form, or null when it cannot be one. */
export function normaliseLoginCode(input: string): string | null {
  const letters = input.toUpperCase().replace(/[\s-]/g, "");
  if (letters.length !== CODE_LENGTH || [...letters].some((c) => !CODE_ALPHABET.includes(c))) return null;
  return `${letters.slice(0, 4)}-${letters.slice(4)}`;
}

/** 43 base62 characters: about 256 bits. */
export function newPollToken(): string {
  return `kspoll_${randomBase62(43)}`;
}
