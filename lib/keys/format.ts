import { crc32 } from "node:zlib";
import { decodeBase62, encodeBase62, randomBase62 } from "./base62";
import { CHECKSUM_LENGTH, type Environment, KEY_PREFIX_PATTERN, MAX_KEY_LENGTH, RANDOM_LENGTH } from "./shape";

export { ENVIRONMENTS, type Environment, KEY_PREFIX_PATTERN, MAX_KEY_LENGTH } from "./shape";

/**
 * Key format: `<prefix>_<env>_<32 base62 random><6 base62 CRC32>`, e.g. `sk_live_3f9a…`.
 * The trailing checksum lets a mistyped or forged key be refused with no database read.
 */
// No capture groups: it runs on every verification, and the parts sit at known offsets.
const KEY_PATTERN = /^[a-z0-9]{2,12}_(?:live|test)_[0-9A-Za-z]{38}$/;

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

/**
 * Whether `key` has the key format and a matching checksum. It runs on every verification:
 * a capture-free regex test and the checksum compared as a number allocate next to nothing
 * (capturing the parts and re-encoding the checksum took three times as long).
 */
export function isWellFormedKey(key: string): boolean {
  if (key.length > MAX_KEY_LENGTH || !KEY_PATTERN.test(key)) return false;
  const bodyLength = key.length - CHECKSUM_LENGTH;
  return decodeBase62(key, bodyLength) === crc32(key.slice(0, bodyLength));
}

/**
 * Whether `key` is in Keysmith's own shape, checksum aside. A key in this shape is judged by
 * its checksum alone (a bad one is MALFORMED, whatever was imported); any other text can only
 * be an imported key (./foreign-key.ts).
 */
export function hasKeyShape(key: string): boolean {
  return key.length <= MAX_KEY_LENGTH && KEY_PATTERN.test(key);
}

/** Parses a key and checks its checksum; null when the key is malformed. */
export function parseKey(key: string): ParsedKey | null {
  if (!isWellFormedKey(key)) return null;
  const prefixEnd = key.indexOf("_");
  const randomStart = prefixEnd + 6; // "_live_" or "_test_"
  return {
    prefix: key.slice(0, prefixEnd),
    environment: key.slice(prefixEnd + 1, prefixEnd + 5) as Environment,
    random: key.slice(randomStart, randomStart + RANDOM_LENGTH),
  };
}
