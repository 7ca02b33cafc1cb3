/**
 * How many database lookups of keys this instance cannot vouch for (see KeyIndex: "unknown")
 * a caller may cause: token buckets per source and one for the whole instance. Only such
 * lookups are counted: a malformed key, a cached one and one the index knows never touch
 * the budget, so a valid key is never refused because of it.
 */
export interface BucketRate {
  /** Lookups per second, refilled continuously. */
  perSecond: number;
  /** Lookups available at once. */
  burst: number;
}

export interface LookupBudgetOptions {
  perSource: BucketRate;
  overall: BucketRate;
  /** Sources tracked at most; the first seen are forgotten first (the overall bucket still holds). */
  maxSources?: number;
}

interface Bucket {
  tokens: number;
  refilled: number;
}

export type BudgetScope = "source" | "overall";

export interface BudgetRefusal {
  scope: BudgetScope;
  retryAfterMs: number;
}

export class LookupBudget {
  private sources = new Map<string, Bucket>();
  private overall: Bucket;

  constructor(private readonly options: LookupBudgetOptions) {
    this.overall = { tokens: options.overall.burst, refilled: 0 };
  }

  /** Counts one lookup for `source`, or says why it may not happen now and for how long. */
  take(source: string, now: number): BudgetRefusal | null {
    let bucket = this.sources.get(source);
    if (!bucket) {
      bucket = { tokens: this.options.perSource.burst, refilled: now };
      this.sources.set(source, bucket);
      if (this.sources.size > (this.options.maxSources ?? 100_000)) {
        const oldest = this.sources.keys().next();
        if (!oldest.done) this.sources.delete(oldest.value);
      }
    }
    refill(bucket, this.options.perSource, now);
    refill(this.overall, this.options.overall, now);
    if (bucket.tokens < 1) return { scope: "source", retryAfterMs: waitFor(bucket, this.options.perSource) };
    if (this.overall.tokens < 1) return { scope: "overall", retryAfterMs: waitFor(this.overall, this.options.overall) };
    bucket.tokens--;
    this.overall.tokens--;
    return null;
  }
}

function refill(bucket: Bucket, rate: BucketRate, now: number): void {
  const elapsed = Math.max(0, now - bucket.refilled);
  bucket.tokens = Math.min(rate.burst, bucket.tokens + (elapsed * rate.perSecond) / 1000);
  bucket.refilled = now;
}

function waitFor(bucket: Bucket, rate: BucketRate): number {
  return Math.ceil(((1 - bucket.tokens) * 1000) / rate.perSecond);
}
