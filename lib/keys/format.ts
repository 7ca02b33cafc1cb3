import { crc32 } from "node:zlib";
import { encodeBase62, randomBase62 } from "./base62";
import {
  CHECKSUM_LENGTH,
  ENVIRONMENT_PATTERN,
  type Environment,
  KEY_PREFIX_PATTERN,
  MAX_KEY_LENGTH,
  RANDOM_LENGTH,
} from "./shape";
import { isWellFormedKey } from "./well-formed";

export { type Environment, KEY_PREFIX_PATTERN, MAX_KEY_LENGTH } from "./shape";
export { isWellFormedKey } from "./well-formed";

/**
 * Key format: `<prefix>_<env>_<32 base62 random><6 base62 CRC32>`, e.g. `sk_live_3f9a…`,
 * `acme_staging_…`. The env is 2–10 lowercase letters (the workspace's environments).
 * The trailing checksum lets a mistyped or forged key be refused with no database read.
 */
// No capture groups: it runs on every verification; parseKey finds the parts by their underscores
// (neither prefix nor env holds one, and the random part starts after the second).
const KEY_PATTERN = /^[a-z0-9]{2,12}_[a-z]{2,10}_[0-9A-Za-z]{38}$/;

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
  if (!ENVIRONMENT_PATTERN.test(environment)) throw new Error(`invalid environment "${environment}"`);
  const body = `${prefix}_${environment}_${randomBase62(RANDOM_LENGTH)}`;
  return body + checksum(body);
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
  const environmentEnd = key.indexOf("_", prefixEnd + 1);
  return {
    prefix: key.slice(0, prefixEnd),
    environment: key.slice(prefixEnd + 1, environmentEnd),
    random: key.slice(environmentEnd + 1, environmentEnd + 1 + RANDOM_LENGTH),
  };
}
