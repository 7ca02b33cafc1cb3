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

export function isWellFormedKey(key: string, crc32: (text: string) => number): boolean {
  if (key.length > MAX_KEY_LENGTH || !KEY_PATTERN.test(key)) return false;
  const bodyLength = key.length - CHECKSUM_LENGTH;
  let checksum = 0;
  for (let i = bodyLength; i < key.length; i++) checksum = checksum * 62 + DIGITS[key.charCodeAt(i)];
  return checksum === crc32(key.slice(0, bodyLength));
}
