/**
 * Fixed-window counters in memory, per instance: cheap enough for the verify hot path.
 * The number of tracked keys is bounded; the oldest windows are forgotten first.
 */
export class FixedWindowLimiter {
  private windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly maxTracked = 100_000) {}

  /** How long until `key` may be used again, or 0 when it is within its limit. */
  retryAfterMs(key: string, limit: number, windowMs: number, now: number): number {
    const window = this.windows.get(key);
    if (!window || now - window.start >= windowMs || window.count < limit) return 0;
    return window.start + windowMs - now;
  }

  /** Counts one use; returns the wait as retryAfterMs would after counting it. */
  hit(key: string, limit: number, windowMs: number, now: number): number {
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
    return window.count > limit ? window.start + windowMs - now : 0;
  }
}
