import type { KeyState } from "../keys/key-state";

/** Reads keys' states by hash, many per statement (absent hashes are unknown keys). */
export type ReadStates = (hashes: readonly string[]) => Promise<Map<string, KeyState>>;

interface Waiter {
  resolve: (state: KeyState | null) => void;
  reject: (error: unknown) => void;
}

/**
 * Reads the keys that miss the cache together: while one read is under way the next misses
 * queue, and go in the next read, up to `maxBatch` keys each. A burst of cold keys (after a
 * restart, or when a new service starts calling) then costs a few round trips, not one each.
 */
export class BatchLoader {
  private queued = new Map<string, Waiter[]>();
  private reading = false;

  constructor(
    private readonly read: ReadStates,
    private readonly maxBatch = 500,
  ) {}

  load(hash: string): Promise<KeyState | null> {
    return new Promise((resolve, reject) => {
      const waiters = this.queued.get(hash);
      if (waiters) waiters.push({ resolve, reject });
      else this.queued.set(hash, [{ resolve, reject }]);
      if (!this.reading) this.next();
    });
  }

  private next(): void {
    if (this.queued.size === 0) {
      this.reading = false;
      return;
    }
    this.reading = true;
    const batch = new Map<string, Waiter[]>();
    for (const [hash, waiters] of this.queued) {
      batch.set(hash, waiters);
      this.queued.delete(hash);
      if (batch.size >= this.maxBatch) break;
    }
    this.read([...batch.keys()]).then(
      (states) => {
        for (const [hash, waiters] of batch) for (const w of waiters) w.resolve(states.get(hash) ?? null);
        this.next();
      },
      (error: unknown) => {
        for (const waiters of batch.values()) for (const w of waiters) w.reject(error);
        this.next();
      },
    );
  }
}
