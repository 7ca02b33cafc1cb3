import type { Change } from "../events/changes";
import type { KeyState } from "../keys/key-state";
import { type AnsweredKey, emptyAnswerSlots } from "./answers";
import type { CounterHolder } from "./usage";
import type { KeyCheck } from "./verifier";

/**
 * What verification needs about each recently seen key, by SHA-256, so that a hot key is
 * verified with no database read. Bounded (least recently used entries go first), with a
 * small negative cache for hashes that the database did not know. Entries are dropped by
 * every change that affects them, and expire after a TTL as a second line of defence.
 */
export interface KeyCacheOptions {
  maxEntries: number;
  maxNegative: number;
  ttlMs: number;
  negativeTtlMs: number;
}

/** A cached key: its state, the verify answers built from it and its usage record, once counted (they go with it). */
export interface KeyEntry extends AnsweredKey, CounterHolder {
  expires: number;
  /** When the entry last moved to the recent end; hits within a minute do not move it again. */
  touched: number;
  /**
   * The verifier's check of this key for an anonymous caller naming nothing (no address,
   * workspace or organization), the commonest verification, and the clock range it holds
   * for: the key's state never changes within an entry, so only its expiry can change the
   * verdict (verifier.ts).
   */
  plainCheck: KeyCheck | null;
  plainFrom: number;
  plainUntil: number;
}

// Moving an entry re-inserts it into the Map, which allocates; a hot key moves at most once
// a minute, so the order is least-recently-used to within a minute at no cost per hit.
export const TOUCH_INTERVAL_MS = 60_000;

export class KeyCache {
  private entries = new Map<string, KeyEntry>();
  private negative = new Map<string, number>();
  /** Loads under way: concurrent misses on one key share a single database read. */
  private loading = new Map<string, Promise<KeyEntry | null>>();
  /** Bumped by every invalidation, so a load that raced one is not cached. */
  private generation = 0;
  /** While invalidations from other instances may be missed, entries live at most this long. */
  private ttlCapMs: number | null = null;

  constructor(private readonly options: KeyCacheOptions) {}

  get size(): number {
    return this.entries.size;
  }

  /** The cached entry, `null` for a known-unknown hash, `undefined` on a miss. */
  get(hash: string, now: number): KeyEntry | null | undefined {
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
      return entry;
    }
    const negativeUntil = this.negative.get(hash);
    if (negativeUntil !== undefined) {
      if (negativeUntil > now) return null;
      this.negative.delete(hash);
    }
    return undefined;
  }

  /** Loads `hash` once however many callers miss on it at the same time, and caches it. */
  load(hash: string, now: number, loader: () => Promise<KeyState | null>): Promise<KeyEntry | null> {
    let pending = this.loading.get(hash);
    if (!pending) {
      const generation = this.generation;
      pending = loader().then(
        (state) => {
          if (this.loading.get(hash) === pending) this.loading.delete(hash);
          return this.set(hash, state, generation, now);
        },
        (error) => {
          if (this.loading.get(hash) === pending) this.loading.delete(hash);
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

  /**
   * Stores a loaded state, unless a change happened since `generation` was read (the entry
   * is still returned to the caller that loaded it, just not kept).
   */
  set(hash: string, state: KeyState | null, generation: number, now: number): KeyEntry | null {
    if (state === null) {
      if (generation === this.generation) {
        this.negative.set(hash, now + this.options.negativeTtlMs);
        evictOldest(this.negative, this.options.maxNegative);
      }
      return null;
    }
    const entry: KeyEntry = {
      state,
      answers: emptyAnswerSlots(),
      expires: 0,
      touched: now,
      plainCheck: null,
      plainFrom: 0,
      plainUntil: 0,
      counter: null,
    };
    if (generation !== this.generation) return entry;
    this.negative.delete(hash);
    // Up to 20 % jitter, so keys loaded together do not all expire (and reload) together.
    const ttl = this.ttlCapMs === null ? this.options.ttlMs : Math.min(this.ttlCapMs, this.options.ttlMs);
    entry.expires = now + ttl * (0.8 + Math.random() * 0.2);
    this.entries.set(hash, entry);
    evictOldest(this.entries, this.options.maxEntries);
    return entry;
  }

  /**
   * Hashes of entries in use (hit or stored within the last `usedWithinMs`) whose TTL ends
   * within `aheadMs`, soonest first, at most `max`: the ones to read again before they lapse.
   */
  dueForRefresh(now: number, aheadMs: number, usedWithinMs: number, max: number): string[] {
    const due: [string, number][] = [];
    for (const [hash, entry] of this.entries) {
      if (entry.expires - now <= aheadMs && now - entry.touched <= usedWithinMs) due.push([hash, entry.expires]);
    }
    return due
      .sort((a, b) => a[1] - b[1])
      .slice(0, max)
      .map(([hash]) => hash);
  }

  /**
   * Stores the states read again for `hashes` (a hash with no state is a key gone from the
   * database), unless a change happened since `generation`. Entries evicted meanwhile stay out.
   */
  refresh(hashes: readonly string[], states: ReadonlyMap<string, KeyState>, generation: number, now: number): void {
    if (generation !== this.generation) return;
    for (const hash of hashes) {
      const entry = this.entries.get(hash);
      if (!entry) continue;
      const state = states.get(hash) ?? null;
      if (state === null) this.entries.delete(hash);
      const fresh = this.set(hash, state, generation, now);
      // A hit keeps an entry in use; the reread itself does not.
      if (fresh) fresh.touched = entry.touched;
    }
  }

  /** Stores keys read ahead of use (at start-up), unless a change happened since `generation`. */
  fill(states: ReadonlyMap<string, KeyState>, generation: number, now: number): void {
    for (const [hash, state] of states) this.set(hash, state, generation, now);
  }

  /**
   * Caps the lifetime of entries stored from now on (`null` lifts the cap). Set while the
   * cross-instance listener is down, so a change made elsewhere is seen within the cap.
   */
  capTtl(ms: number | null): void {
    this.ttlCapMs = ms;
  }

  /**
   * Drops what a change affects. A new key affects nothing cached (its hash is fresh), nor
   * does an audit event (the change it records is announced on its own).
   */
  apply(change: Change): void {
    if (change.type === "key-created" || change.type === "audit") return;
    this.generation++;
    // A load that started before this change must not be shared with callers after it.
    this.loading.clear();
    if (change.type === "all") {
      this.entries.clear();
      this.negative.clear();
      return;
    }
    for (const [hash, { state }] of this.entries) {
      if (affects(change, state)) this.entries.delete(hash);
    }
  }
}

function affects(change: Exclude<Change, { type: "all" | "key-created" | "audit" }>, state: KeyState): boolean {
  switch (change.type) {
    case "key":
      return state.id === change.keyId;
    case "user":
      return state.creatorId === change.userId;
    case "workspace":
      return (
        state.workspaceId === change.workspaceId || state.memberships.some((m) => m.workspace.id === change.workspaceId)
      );
  }
}

function evictOldest<K, V>(map: Map<K, V>, max: number): void {
  while (map.size > max) {
    const oldest = map.keys().next();
    if (oldest.done) return;
    map.delete(oldest.value);
  }
}
