import type { Db } from "../db/client";
import { describeDatabaseError } from "../db/errors";
import { type KeyCounter, UsageCounters, type UsageSnapshot } from "./usage-counters";

/**
 * Counts key uses in memory and writes them in batches every few seconds, so that a
 * verification costs no database write. A crash loses what was not written yet: one flush
 * interval's uses, or for a busy key, with more than KEYS_PER_FLUSH keys in use, the uses
 * since its last turn.
 */
export interface KeyUse {
  keyId: string;
  success: boolean;
  at: Date;
  ip?: string | null;
  userAgent?: string | null;
}

/** Something kept per key (a key-cache entry) that holds the key's usage record between uses. */
export interface CounterHolder {
  counter: KeyCounter | null;
}

/**
 * Keys per flush statement. A statement holds the database for its whole run (on the
 * embedded one ≈ 1.6 ms + 16 µs a key under verify load), and a cache miss or a dashboard
 * query arriving meanwhile waits behind it: 100 keys keep that wait near 3 ms, for ~30 %
 * more flush CPU than 500-key statements (10 ms each).
 */
const FLUSH_CHUNK_KEYS = 100;

/**
 * Keys written per timed flush. With more keys in use than this, each key's counts wait in
 * memory for their turn (oldest first; keys seen for the first time do not wait), so a
 * flush's cost stops growing with the number of keys in use: at the default interval,
 * 10,000 busy keys are each written about once a minute, the precision of a last-used time
 * (LAST_USED_PRECISION_MS), instead of all of them every 2 s. Flushing costs the verify path
 * throughput (the allocations it promotes, the database thread's CPU): 1,000 keys a flush
 * (each busy key every 20 s) made ~6 % fewer verifications/s than this (bench/README.md).
 */
export const KEYS_PER_FLUSH = 350;

export class UsageRecorder {
  private counters = new UsageCounters();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    /** KEYSMITH_USAGE_FLUSH_MS. */
    private readonly intervalMs: number,
  ) {}

  record(use: KeyUse): void {
    this.counters.count(use.keyId, use.success, use.at.getTime(), use.ip ?? null, use.userAgent ?? null);
  }

  /** record() without the argument object, for the verification hot path; `at` in epoch ms. */
  count(keyId: string, success: boolean, at: number, ip: string | null, userAgent: string | null): void {
    this.counters.count(keyId, success, at, ip, userAgent);
  }

  /**
   * count(), through the record `holder` keeps for the key (taken at its first use): with
   * thousands of keys in use, the lookup by id is a cache miss or two on every verification.
   */
  countHeld(
    holder: CounterHolder,
    keyId: string,
    success: boolean,
    at: number,
    ip: string | null,
    userAgent: string | null,
  ): void {
    let counter = holder.counter;
    if (counter === null || counter.dropped) holder.counter = counter = this.counters.counter(keyId, at, ip, userAgent);
    this.counters.countOn(counter, success, at, ip, userAgent);
  }

  /** Many uses of one key at once (reported by an in-process verifier); `at` in epoch ms. */
  add(keyId: string, success: number, failure: number, at: number, ip: string | null, userAgent: string | null): void {
    this.counters.add(keyId, success, failure, at, ip, userAgent);
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.write(KEYS_PER_FLUSH).catch(logFlushError), this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }

  /** Writes everything pending (on shutdown, in tests); concurrent calls are serialised. */
  flush(): Promise<void> {
    return this.write(Number.POSITIVE_INFINITY);
  }

  /** Writes what is pending for at most `keys` keys, after any write already under way. */
  private write(keys: number): Promise<void> {
    // A failed flush (reported to its own caller) must not stop the ones after it.
    this.flushing = this.flushing.catch(() => {}).then(() => this.writePending(keys));
    return this.flushing;
  }

  private async writePending(keys: number): Promise<void> {
    const batch = this.counters.drain(keys);
    for (let start = 0; start < batch.length; start += FLUSH_CHUNK_KEYS) {
      try {
        await this.writeChunk(batch.slice(start, start + FLUSH_CHUNK_KEYS));
      } catch (error) {
        // A chunk is one statement, so nothing of it was written: count it and the rest again next time.
        for (const snapshot of batch.slice(start)) this.counters.restore(snapshot);
        throw error;
      }
    }
  }

  /**
   * Many keys in ONE statement: a statement per key would cost a flush of 10,000 keys
   * 10,000 round trips and as many statements' fixed cost, seconds of database time.
   */
  private async writeChunk(batch: UsageSnapshot[]): Promise<void> {
    const buckets = batch.flatMap((s) => s.buckets.map((b) => ({ keyId: s.keyId, ...b })));
    const used = batch.filter((s) => s.lastUsedAt !== null);
    // ISO strings read as UTC: a Date array would be sent in the server's local time zone.
    const iso = (ms: number) => new Date(ms).toISOString();
    // Additive upsert: several instances flushing the same bucket never lose increments.
    await this.db.$executeRaw`WITH counted AS (
        INSERT INTO "key_usage_bucket" ("keyId", "hour", "success", "failure")
        SELECT k, h AT TIME ZONE 'UTC', s, f
        FROM unnest(${buckets.map((b) => b.keyId)}::text[], ${buckets.map((b) => iso(b.hour))}::timestamptz[],
          ${buckets.map((b) => b.success)}::int[], ${buckets.map((b) => b.failure)}::int[]) AS t(k, h, s, f)
        ON CONFLICT ("keyId", "hour") DO UPDATE SET "success" = "key_usage_bucket"."success" + EXCLUDED."success",
          "failure" = "key_usage_bucket"."failure" + EXCLUDED."failure"
        RETURNING 1
      )
      UPDATE "api_key" SET "lastUsedAt" = u.at AT TIME ZONE 'UTC', "lastUsedIp" = u.ip, "lastUsedUserAgent" = u.agent
      FROM unnest(${used.map((s) => s.keyId)}::text[], ${used.map((s) => iso(s.lastUsedAt as number))}::timestamptz[],
        ${used.map((s) => s.ip)}::text[], ${used.map((s) => s.userAgent)}::text[]) AS u(id, at, ip, agent)
      WHERE "api_key"."id" = u.id AND ("api_key"."lastUsedAt" IS NULL OR "api_key"."lastUsedAt" < u.at AT TIME ZONE 'UTC')`;
  }
}

function logFlushError(error: unknown): void {
  console.error(`[keysmith] usage flush failed: ${describeDatabaseError(error)}`);
}
