/**
 * A key's format and checksum, as the server checks them (lib/keys/format.ts): a key that
 * fails them is MALFORMED with no lookup. `<prefix>_<env>_<32 base62><6 base62 CRC32>`,
 * the env being 2–10 lowercase letters (one of the workspace's environments).
 */
const KEY_PATTERN = /^[a-z0-9]{2,12}_[a-z]{2,10}_[0-9A-Za-z]{38}$/;
const CHECKSUM_LENGTH = 6;
const MAX_KEY_LENGTH = 12 + 1 + 10 + 1 + 32 + CHECKSUM_LENGTH;
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const DIGITS = new Uint8Array(128);
for (let i = 0; i < ALPHABET.length; i++) DIGITS[ALPHABET.charCodeAt(i)] = i;

/** Keysmith's shape, checksum aside: such a key is judged by its checksum alone, imported keys or not. */
export function hasKeyShape(key: string): boolean {
  return key.length <= MAX_KEY_LENGTH && KEY_PATTERN.test(key);
}

/**
 * Text that may be a key imported from another product (lib/keys/foreign-key.ts): printable,
 * no spaces, 16–512 characters, and not in Keysmith's shape. Looked up only in a workspace
 * that imported keys; elsewhere the server answers MALFORMED.
 */
const FOREIGN_KEY_PATTERN = /^[\x21-\x7e]{16,512}$/;
export function isForeignKeyCandidate(key: string): boolean {
  return FOREIGN_KEY_PATTERN.test(key) && !hasKeyShape(key);
}

export function isWellFormedKey(key: string, crc32: (text: string) => number): boolean {
  if (key.length > MAX_KEY_LENGTH || !KEY_PATTERN.test(key)) return false;
  const bodyLength = key.length - CHECKSUM_LENGTH;
  let checksum = 0;
  for (let i = bodyLength; i < key.length; i++) checksum = checksum * 62 + DIGITS[key.charCodeAt(i)];
  return checksum === crc32(key.slice(0, bodyLength));
}

/**
 * Text that may hold a key: a run of prefix characters, `_env_`, 38 base62 characters not
 * followed by another. The prefix run may start too early ("ask_live_…" holds "sk_live_…"), so
 * each of its 2–12 character endings is tried; the checksum settles which, if any, is a key.
 */
const KEY_CANDIDATE = /([a-z0-9]{2,})_[a-z]{2,10}_[0-9A-Za-z]{38}(?![0-9A-Za-z])/g;
const MIN_PREFIX = 2;
const MAX_PREFIX = 12;

/** A key found in text, and where it starts (a UTF-16 index into the text). */
export interface FoundKey {
  key: string;
  index: number;
}

/**
 * Every Keysmith key in `text` whose checksum holds, in order: what `keysmith scan` looks for.
 * The checksum (32 bits) is what keeps look-alikes out: a random string in the key's shape
 * passes it about once in four billion. `crc32` is node:zlib's on Node.
 */
export function findKeys(text: string, crc32: (text: string) => number): FoundKey[] {
  const found: FoundKey[] = [];
  for (const match of text.matchAll(KEY_CANDIDATE)) {
    const run = match[1].length;
    for (let length = MIN_PREFIX; length <= Math.min(MAX_PREFIX, run); length++) {
      const start = match.index + run - length;
      const key = match[0].slice(run - length);
      if (isWellFormedKey(key, crc32)) {
        found.push({ key, index: start });
        break;
      }
    }
  }
  return found;
}

/** `sk_live_3f9aXXXX…a7b8` → `sk_live_3f9a…a7b8`, as the dashboard shows keys: enough to recognise one, useless to use it. */
export function maskKey(key: string): string {
  const envEnd = key.indexOf("_", key.indexOf("_") + 1) + 1;
  return `${key.slice(0, envEnd + 4)}…${key.slice(-4)}`;
}
