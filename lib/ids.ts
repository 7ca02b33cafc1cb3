import { randomBase62 } from "./keys/base62";

/** Readable, sortable-enough ids such as `key_4Fh2…`; the prefix says what the id names. */
export function newId(
  prefix: "key" | "ws" | "org" | "omem" | "evt" | "mem" | "inv" | "usr" | "cli" | "whk" | "whd" | "wha" | "msg",
): string {
  return `${prefix}_${randomBase62(20)}`;
}
