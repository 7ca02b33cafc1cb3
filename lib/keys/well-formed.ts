import { BASE62_DIGIT_VALUES } from "./base62";
import { CHECKSUM_LENGTH, MAX_KEY_LENGTH, RANDOM_LENGTH } from "./shape";

/**
 * Whether `key` has the key format (`^[a-z0-9]{2,12}_[a-z]{2,10}_[0-9A-Za-z]{38}$`) and a
 * checksum that matches: the CRC-32 of everything before the last 6 characters, which spell
 * it in base62. It runs on every verification, so it reads each character once, checking
 * its class and folding it into the CRC as it goes: no regex, no substring, no call into
 * zlib (which would copy the string into a native buffer first).
 */
export function isWellFormedKey(key: string): boolean {
  const length = key.length;
  if (length > MAX_KEY_LENGTH) return false;
  const bodyEnd = length - CHECKSUM_LENGTH;
  // 0: the prefix, 1: the environment, 2: the random part; each starts after an underscore.
  let segment = 0;
  let segmentStart = 0;
  let crc = -1;
  for (let i = 0; i < bodyEnd; i++) {
    const code = key.charCodeAt(i);
    if (code === UNDERSCORE) {
      const segmentLength = i - segmentStart;
      if (segment === 2 || segmentLength < 2 || segmentLength > SEGMENT_MAX_LENGTH[segment]) return false;
      segment++;
      segmentStart = i + 1;
    } else if (code >= 128 || (CHARACTER_CLASS[code] & SEGMENT_CHARACTERS[segment]) === 0) return false;
    crc = CRC_TABLE[(crc ^ code) & 0xff] ^ (crc >>> 8);
  }
  if (segment !== 2 || bodyEnd - segmentStart !== RANDOM_LENGTH) return false;
  let checksum = 0;
  for (let i = bodyEnd; i < length; i++) {
    const code = key.charCodeAt(i);
    if (code >= 128 || (CHARACTER_CLASS[code] & BASE62) === 0) return false;
    checksum = checksum * 62 + BASE62_DIGIT_VALUES[code];
  }
  return checksum === (crc ^ -1) >>> 0;
}

const UNDERSCORE = 0x5f;
const LOWER = 1;
const DIGIT = 2;
const UPPER = 4;
const BASE62 = LOWER | DIGIT | UPPER;
/** By segment: the prefix is [a-z0-9]{2,12}, the environment [a-z]{2,10}, the random part base62. */
const SEGMENT_CHARACTERS = [LOWER | DIGIT, LOWER, BASE62];
const SEGMENT_MAX_LENGTH = [12, 10];

const CHARACTER_CLASS = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  if (code >= 0x61 && code <= 0x7a) CHARACTER_CLASS[code] = LOWER;
  else if (code >= 0x30 && code <= 0x39) CHARACTER_CLASS[code] = DIGIT;
  else if (code >= 0x41 && code <= 0x5a) CHARACTER_CLASS[code] = UPPER;
}

/** zlib's CRC-32 (reflected, polynomial 0xEDB88320), a byte at a time. */
const CRC_TABLE = new Int32Array(256);
for (let byte = 0; byte < 256; byte++) {
  let value = byte;
  for (let bit = 0; bit < 8; bit++) value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
  CRC_TABLE[byte] = value;
}
