import { crc32 } from "node:zlib";
import { encodeBase62, randomBase62 } from "./base62";

/**
 * Key format: `<prefix>_<env>_<32 base62 random><6 base62 CRC32>`, e.g. `sk_live_3f9a…`.
 * The trailing checksum lets a mistyped or forged key be refused with no database read.
 */
export const ENVIRONMENTS = ["live", "test"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export const KEY_PREFIX_PATTERN = /^[a-z0-9]{2,12}$/;
const RANDOM_LENGTH = 32;
const CHECKSUM_LENGTH = 6;
const KEY_PATTERN = /^([a-z0-9]{2,12})_(live|test)_([0-9A-Za-z]{32})([0-9A-Za-z]{6})$/;
/** Longest possible key; anything longer is malformed before any parsing. */
export const MAX_KEY_LENGTH = 12 + 1 + 4 + 1 + RANDOM_LENGTH + CHECKSUM_LENGTH;

export interface ParsedKey {
  prefix: string;
  environment: Environment;
  random: string;
}

function checksum(body: string): string {
  return encodeBase62(crc32(body), CHECKSUM_LENGTH);
}

export function generateKey(prefix: string, environment: Environment): string {
  if (!KEY_PREFIX_PATTERN.test(prefix)) throw new Error(`invalid key prefix "${prefix}"`);
  const body = `${prefix}_${environment}_${randomBase62(RANDOM_LENGTH)}`;
  return body + checksum(body);
}

/** Parses a key and checks its checksum; null when the key is malformed. */
export function parseKey(key: string): ParsedKey | null {
  if (key.length > MAX_KEY_LENGTH) return null;
  const match = KEY_PATTERN.exec(key);
  if (!match) return null;
  const [, prefix, environment, random, sum] = match;
  const body = key.slice(0, key.length - CHECKSUM_LENGTH);
  if (checksum(body) !== sum) return null;
  return { prefix, environment: environment as Environment, random };
}
