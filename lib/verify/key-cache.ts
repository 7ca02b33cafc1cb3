import type { KeyState } from "../keys/key-state";

/**
 * What verification needs about each recently seen key, by SHA-256, so that a hot key is
 * verified with no database read. Bounded (least recently used entries go first), with a
 * small negative cache for hashes that match no key. Entries are dropped by the
 * invalidation events of every change that affects them, and expire after a TTL as a
 * second line of defence.
 */
export interface KeyCacheOptions {
  maxEntries: number;
  maxNegative: number;
  ttlMs: number;
  negativeTtlMs: number;
}

interface Entry {
  state: KeyState;
  expires: number;
}

export type Invalidation =
  | { type: "key"; keyId: string }
  | { type: "user"; userId: string }
  | { type: "workspace"; workspaceId: string }
  | { type: "all" };

export class KeyCache {
  private entries = new Map<string, Entry>();
  private negative = new Map<string, number>();
  /** Bumped by every invalidation, so a load that raced one is not cached. */
  private generation = 0;

  constructor(private readonly options: KeyCacheOptions) {}

  get size(): number {
    return this.entries.size;
  }

  /** The cached state, `null` for a known-unknown hash, `undefined` on a miss. */
  get(hash: string, now: number): KeyState | null | undefined {
    const entry = this.entries.get(hash);
    if (entry) {
      if (entry.expires <= now) {
        this.entries.delete(hash);
        return undefined;
      }
      // Refresh recency: Map iteration order is insertion order.
      this.entries.delete(hash);
      this.entries.set(hash, entry);
      return entry.state;
    }
    const negativeUntil = this.negative.get(hash);
    if (negativeUntil !== undefined) {
      if (negativeUntil > now) return null;
      this.negative.delete(hash);
    }
    return undefined;
  }

  currentGeneration(): number {
    return this.generation;
  }

  /** Stores a loaded state, unless an invalidation happened since `generation` was read. */
  set(hash: string, state: KeyState | null, generation: number, now: number): void {
    if (generation !== this.generation) return;
    if (state === null) {
      this.negative.set(hash, now + this.options.negativeTtlMs);
      evictOldest(this.negative, this.options.maxNegative);
      return;
    }
    this.negative.delete(hash);
    this.entries.set(hash, { state, expires: now + this.options.ttlMs });
    evictOldest(this.entries, this.options.maxEntries);
  }

  invalidate(event: Invalidation): void {
    this.generation++;
    if (event.type === "all") {
      this.entries.clear();
      this.negative.clear();
      return;
    }
    for (const [hash, { state }] of this.entries) {
      if (affects(event, state)) this.entries.delete(hash);
    }
  }
}

function affects(event: Exclude<Invalidation, { type: "all" }>, state: KeyState): boolean {
  switch (event.type) {
    case "key":
      return state.id === event.keyId;
    case "user":
      return state.creatorId === event.userId;
    case "workspace":
      return state.memberships.some((m) => m.workspace.id === event.workspaceId);
  }
}

function evictOldest<K, V>(map: Map<K, V>, max: number): void {
  while (map.size > max) {
    const oldest = map.keys().next();
    if (oldest.done) return;
    map.delete(oldest.value);
  }
}
