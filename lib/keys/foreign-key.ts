import { hasKeyShape } from "./format";

/**
 * Keys imported from another product (better-auth's api-key plugin, Unkey …) keep their own
 * format: all Keysmith can say about one is that it is printable, without spaces, and long
 * enough to be a secret at all. Shorter or stranger text is MALFORMED with no lookup.
 */
const FOREIGN_KEY_PATTERN = /^[\x21-\x7e]{16,512}$/;

/** Text that may be an imported key: not in Keysmith's shape (that is judged by its checksum), and plausible. */
export function isForeignKeyCandidate(key: string): boolean {
  return FOREIGN_KEY_PATTERN.test(key) && !hasKeyShape(key);
}
