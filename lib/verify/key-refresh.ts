import { describeDatabaseError } from "../db/errors";
import type { ReadStates } from "./batch-loader";
import { type KeyCache, TOUCH_INTERVAL_MS } from "./key-cache";

export interface KeyRefreshOptions {
  /** How often to look for entries about to lapse. */
  intervalMs: number;
  /** Entries whose TTL ends within this are read again. */
  aheadMs: number;
  /** Only entries hit within this are read again; the others lapse and leave the cache. */
  usedWithinMs: number;
  /** Keys per statement: a cache miss waits behind it, and its rows are parsed on the server's thread. */
  keysPerRead: number;
  /** Keys read per round, at most. */
  keysPerRound: number;
}

/** Keys in use are read again within ~30 s of their TTL's end, a hundred per statement. */
export const KEY_REFRESH_DEFAULTS: KeyRefreshOptions = {
  intervalMs: 5_000,
  aheadMs: 30_000,
  // Hits move an entry's `touched` at most once an interval.
  usedWithinMs: 2 * TOUCH_INTERVAL_MS,
  keysPerRead: 100,
  keysPerRound: 2_000,
};

/**
 * Reads the cached keys that are in use again before their TTL ends, many per statement and
 * off the request path. Without it every hot key's entry lapsed on its own and its next
 * verification waited for a database read of that one key: with 10,000 keys in use, about
 * 90 single-key reads a second for two minutes of every ten.
 */
export class KeyRefresher {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly cache: KeyCache,
    private readonly read: ReadStates,
    private readonly now: () => number,
    private readonly options: KeyRefreshOptions = KEY_REFRESH_DEFAULTS,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (!this.running) void this.refresh().catch(logRefreshError);
    }, this.options.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => {});
  }

  /** One round: reads the entries due, stores what was read; resolves with the keys read. */
  refresh(): Promise<number> {
    this.running ??= this.round().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async round(): Promise<number> {
    const { aheadMs, usedWithinMs, keysPerRead, keysPerRound } = this.options;
    const due = this.cache.dueForRefresh(this.now(), aheadMs, usedWithinMs, keysPerRound);
    for (let start = 0; start < due.length; start += keysPerRead) {
      const hashes = due.slice(start, start + keysPerRead);
      const generation = this.cache.currentGeneration();
      const states = await this.read(hashes);
      this.cache.refresh(hashes, states, generation, this.now());
    }
    return due.length;
  }
}

function logRefreshError(error: unknown): void {
  console.error(`[keysmith] could not reread cached keys: ${describeDatabaseError(error)}`);
}
