import type { VerifierUsage, VerifierUsageResult } from "../types.js";

interface Counts {
  success: number;
  failure: number;
  /** Epoch ms of the latest VALID answer; 0 for none. */
  lastUsedAt: number;
  ip: string | null;
}

/** Batch size the server accepts (POST /api/v1/keys/verify/usage). */
const BATCH = 100;

/**
 * Usage counted by the in-process verifier, sent to the server in batches every
 * `intervalMs` and on close, so that each key's last use and charts stay true. A batch the
 * server did not take is counted again in the next one.
 */
export class UsageReporter {
  private counts = new Map<string, Counts>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private sending: Promise<void> = Promise.resolve();
  reported = 0;
  failedReports = 0;

  constructor(
    private readonly post: (body: VerifierUsage) => Promise<VerifierUsageResult>,
    private readonly userAgent: string,
    private readonly intervalMs: number,
  ) {}

  count(keyId: string, success: boolean, now: number, ip: string | null): void {
    let counts = this.counts.get(keyId);
    if (!counts) {
      counts = { success: 0, failure: 0, lastUsedAt: 0, ip: null };
      this.counts.set(keyId, counts);
    }
    if (success) {
      counts.success++;
      if (now >= counts.lastUsedAt) {
        counts.lastUsedAt = now;
        counts.ip = ip;
      }
    } else counts.failure++;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.flush(), this.intervalMs);
    (this.timer as { unref?: () => void }).unref?.();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }

  /** Sends everything counted so far; never throws (a failed batch is kept for the next). */
  flush(): Promise<void> {
    this.sending = this.sending.then(() => this.sendPending());
    return this.sending;
  }

  private async sendPending(): Promise<void> {
    const pending = [...this.counts];
    this.counts = new Map();
    for (let start = 0; start < pending.length; start += BATCH) {
      const batch = pending.slice(start, start + BATCH);
      try {
        await this.post({
          usage: batch.map(([keyId, c]) => ({
            keyId,
            success: c.success,
            failure: c.failure,
            lastUsedAt: c.lastUsedAt ? new Date(c.lastUsedAt).toISOString() : null,
            ip: c.ip,
            userAgent: this.userAgent,
          })),
        });
        this.reported += batch.length;
      } catch {
        this.failedReports++;
        for (const [keyId, c] of pending.slice(start)) this.restore(keyId, c);
        return;
      }
    }
  }

  private restore(keyId: string, kept: Counts): void {
    const counts = this.counts.get(keyId);
    if (!counts) {
      this.counts.set(keyId, kept);
      return;
    }
    counts.success += kept.success;
    counts.failure += kept.failure;
    if (kept.lastUsedAt > counts.lastUsedAt) {
      counts.lastUsedAt = kept.lastUsedAt;
      counts.ip = kept.ip;
    }
  }
}
