import type { Db } from "../db/client";

/**
 * Counts key uses in memory and writes them in one batch every few seconds, so that a
 * verification costs no database write. A crash loses at most one flush window.
 */
export interface KeyUse {
  keyId: string;
  success: boolean;
  at: Date;
  ip?: string | null;
  userAgent?: string | null;
}

interface PendingKey {
  /** Epoch ms. Kept as a number, and the strings below replaced only when they change:
   *  anything stored here per request would outlive the young generation and make the
   *  garbage collector stall the hot path. */
  lastUsedAt: number;
  ip: string | null;
  userAgent: string | null;
  /** hour start (ms) → counts */
  buckets: Map<number, { success: number; failure: number }>;
}

const HOUR_MS = 60 * 60 * 1000;

export class UsageRecorder {
  private pending = new Map<string, PendingKey>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly intervalMs = Number(process.env.KEYSMITH_USAGE_FLUSH_MS ?? 2000),
  ) {}

  record(use: KeyUse): void {
    this.count(use.keyId, use.success, use.at, use.ip ?? null, use.userAgent ?? null);
  }

  /** record() without the argument object, for the verification hot path. */
  count(keyId: string, success: boolean, at: Date, ip: string | null, userAgent: string | null): void {
    const time = at.getTime();
    let entry = this.pending.get(keyId);
    if (!entry) {
      entry = { lastUsedAt: time, ip: null, userAgent: null, buckets: new Map() };
      this.pending.set(keyId, entry);
    }
    if (success && time >= entry.lastUsedAt) {
      entry.lastUsedAt = time;
      if (entry.ip !== ip) entry.ip = ip;
      if (entry.userAgent !== userAgent) entry.userAgent = userAgent;
    }
    const hour = Math.floor(time / HOUR_MS) * HOUR_MS;
    let bucket = entry.buckets.get(hour);
    if (!bucket) {
      bucket = { success: 0, failure: 0 };
      entry.buckets.set(hour, bucket);
    }
    if (success) bucket.success++;
    else bucket.failure++;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.flush().catch(logFlushError), this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }

  /** Writes everything pending; concurrent calls are serialised. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.writePending());
    return this.flushing;
  }

  private async writePending(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    for (const [keyId, entry] of batch) {
      const anySuccess = [...entry.buckets.values()].some((b) => b.success > 0);
      if (anySuccess) {
        const lastUsedAt = new Date(entry.lastUsedAt);
        await this.db.$executeRaw`UPDATE "api_key"
          SET "lastUsedAt" = ${lastUsedAt}, "lastUsedIp" = ${entry.ip}, "lastUsedUserAgent" = ${entry.userAgent}
          WHERE "id" = ${keyId} AND ("lastUsedAt" IS NULL OR "lastUsedAt" < ${lastUsedAt})`;
      }
      for (const [hour, counts] of entry.buckets) {
        // Additive upsert: several instances flushing the same bucket never lose increments.
        await this.db.$executeRaw`INSERT INTO "key_usage_bucket" ("keyId", "hour", "success", "failure")
          VALUES (${keyId}, ${new Date(hour)}, ${counts.success}, ${counts.failure})
          ON CONFLICT ("keyId", "hour") DO UPDATE SET "success" = "key_usage_bucket"."success" + EXCLUDED."success",
            "failure" = "key_usage_bucket"."failure" + EXCLUDED."failure"`;
      }
    }
  }
}

function logFlushError(error: unknown): void {
  console.error("[keysmith] usage flush failed:", (error as Error).message);
}
