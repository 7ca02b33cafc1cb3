import { HASH_PREFIX_LENGTH } from "../keys/key-state-query";

export type KeyPresence = "present" | "absent" | "unknown";

/**
 * Which keys exist, as the first 52 bits of each key's SHA-256: a few dozen bytes per key,
 * all in memory. An unknown key can then be refused without reading the database, however
 * many arrive: that is what makes a flood of random keys cost nothing.
 *
 * The index is authoritative when every key creation passes through this process before
 * its secret can be used: on the embedded database (one process owns the data). With
 * several instances a key created elsewhere is announced within milliseconds, but until
 * then this instance cannot rule it out, so "absent" becomes "unknown" there.
 */
export class KeyIndex {
  private prefixes = new Set<number>();
  private loaded = false;

  constructor(private readonly authoritative: boolean) {}

  get size(): number {
    return this.prefixes.size;
  }

  /** Every key there is (from the database, at start-up); keys added meanwhile are kept. */
  load(hashPrefixes: Iterable<string>): void {
    for (const prefix of hashPrefixes) this.add(prefix);
    this.loaded = true;
  }

  add(hashOrPrefix: string): void {
    this.prefixes.add(prefixValue(hashOrPrefix));
  }

  /** "present": a key with this hash probably exists (1 in 2^52 chance per key that it is another). */
  presence(hash: string): KeyPresence {
    if (this.prefixes.has(prefixValue(hash))) return "present";
    return this.authoritative && this.loaded ? "absent" : "unknown";
  }
}

function prefixValue(hashOrPrefix: string): number {
  return Number.parseInt(hashOrPrefix.slice(0, HASH_PREFIX_LENGTH), 16);
}
