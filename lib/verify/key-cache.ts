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
  /** When the entry last moved to the recent end; hits within a minute do not move it again. */
  touched: number;
}

// Moving an entry re-inserts it into the Map, which allocates; a hot key moves at most once
// a minute, so the order is least-recently-used to within a minute at no cost per hit.
const TOUCH_INTERVAL_MS = 60_000;

export type Invalidation =
  | { type: "key"; keyId: string }
  | { type: "user"; userId: string }
  | { type: "workspace"; workspaceId: string }
  | { type: "all" };

export class KeyCache {
  private entries = new Map<string, Entry>();
  private negative = new Map<string, number>();
  /** Loads under way: concurrent misses on one key share a single database read. */
  private loading = new Map<string, Promise<KeyState | null>>();
  /** Bumped by every invalidation, so a load that raced one is not cached. */
  private generation = 0;
  /** While invalidations from other instances may be missed, entries live at most this long. */
  private ttlCapMs: number | null = null;

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
      // Refresh recency (Map iteration order is insertion order).
      if (now - entry.touched > TOUCH_INTERVAL_MS) {
        entry.touched = now;
        this.entries.delete(hash);
        this.entries.set(hash, entry);
      }
      return entry.state;
    }
    const negativeUntil = this.negative.get(hash);
    if (negativeUntil !== undefined) {
      if (negativeUntil > now) return null;
      this.negative.delete(hash);
    }
    return undefined;
  }

  /** Loads `hash` once however many callers miss on it at the same time, and caches it. */
  load(hash: string, now: number, loader: () => Promise<KeyState | null>): Promise<KeyState | null> {
    let pending = this.loading.get(hash);
    if (!pending) {
      const generation = this.generation;
      pending = loader().then(
        (state) => {
          this.loading.delete(hash);
          this.set(hash, state, generation, now);
          return state;
        },
        (error) => {
          this.loading.delete(hash);
          throw error;
        },
      );
      this.loading.set(hash, pending);
    }
    return pending;
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
    // Up to 20 % jitter, so keys loaded together do not all expire (and reload) together.
    const ttl = this.ttlCapMs === null ? this.options.ttlMs : Math.min(this.ttlCapMs, this.options.ttlMs);
    const expires = now + ttl * (0.8 + Math.random() * 0.2);
    this.entries.set(hash, { state, expires, touched: now });
    evictOldest(this.entries, this.options.maxEntries);
  }

  /**
   * Caps the lifetime of entries stored from now on (`null` lifts the cap). Set while the
   * cross-instance listener is down, so a change made elsewhere is seen within the cap.
   */
  capTtl(ms: number | null): void {
    this.ttlCapMs = ms;
  }

  invalidate(event: Invalidation): void {
    this.generation++;
    // A load that started before this change must not be shared with callers after it.
    this.loading.clear();
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
