import { randomBase62 } from "./keys/base62";

/** Readable, sortable-enough ids such as `key_4Fh2…`; the prefix says what the id names. */
export function newId(prefix: "key" | "ws" | "evt" | "mem" | "inv" | "usr"): string {
  return `${prefix}_${randomBase62(20)}`;
}

/**
 * What an id or slug in a path or parameter may look like: ours (`key_…`), better-auth's and
 * workspace slugs all fit. Anything else names nothing, and never reaches the database.
 */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function isWellFormedId(value: string): boolean {
  return ID_PATTERN.test(value);
}
