/**
 * Each key's own request limit, counted in this process the way the server counts it on each
 * of its instances (lib/verify/rate-limit.ts: fixed windows, a bounded number of keys).
 */
export class FixedWindowLimiter {
  private windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly maxTracked = 100_000) {}

  /** Counts one use; true when it is over the limit. */
  hit(key: string, limit: number, windowMs: number, now: number): boolean {
    let window = this.windows.get(key);
    if (!window || now - window.start >= windowMs) {
      window = { start: now, count: 0 };
      this.windows.delete(key);
      this.windows.set(key, window);
      if (this.windows.size > this.maxTracked) {
        const oldest = this.windows.keys().next();
        if (!oldest.done) this.windows.delete(oldest.value);
      }
    }
    window.count++;
    return window.count > limit;
  }
}

/** Hashes the server said it does not know, most recent last; the oldest go first. */
export class BoundedSet {
  private items = new Set<string>();

  constructor(private readonly max: number) {}

  get size(): number {
    return this.items.size;
  }

  has(item: string): boolean {
    return this.items.has(item);
  }

  add(item: string): void {
    this.items.delete(item);
    this.items.add(item);
    if (this.items.size > this.max) {
      const oldest = this.items.values().next();
      if (!oldest.done) this.items.delete(oldest.value);
    }
  }

  delete(item: string): void {
    this.items.delete(item);
  }

  clear(): void {
    this.items.clear();
  }
}
