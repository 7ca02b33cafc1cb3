import { recordAudit } from "../audit/record";
import { publicBaseUrl } from "../config";
import type { Db } from "../db/client";
import { auditRecorded, onChange, publishChange } from "../events/changes";
import { newId } from "../ids";
import { sendInBackground } from "../mail/mailer";
import { webhookDisabledMail } from "../mail/messages";
import { type AttemptResult, sendDelivery } from "./send";
import { webhookHeaders } from "./signature";
import { resolveTarget, TargetRefused } from "./target";

export interface WebhookWorkerOptions {
  timeoutMs: number;
  /** The first retry's delay; each further one doubles, up to backoffMaxMs. */
  backoffMs: number;
  backoffMaxMs: number;
  /** After this long since a delivery was queued, a failed attempt marks it failed. */
  retryWindowMs: number;
  /** An endpoint whose deliveries have failed this long without a success is disabled. */
  disableAfterMs: number;
  /** How long a claimed delivery is held: a worker that dies mid-send frees it after this. */
  leaseMs: number;
  /** The safety net: due deliveries are looked for this often even if nothing woke the worker. */
  pollMs: number;
  allowPrivate: boolean;
  /** Delivered and failed deliveries (with their attempts) are deleted this long after they were queued. */
  logRetentionMs: number;
  /** Deliveries sent at once by one instance. */
  batch?: number;
}

interface Claimed {
  id: string;
  endpointId: string;
  workspaceId: string;
  messageId: string;
  payload: string;
  attempts: number;
  createdAt: Date;
  leaseUntil: Date;
  url: string;
  secret: string;
}

/** How often an instance prunes the delivery log, and how many rows one statement deletes. */
const PRUNE_EVERY_MS = 60 * 60_000;
const PRUNE_BATCH = 1_000;

/**
 * Sends queued webhook deliveries; one runs in every instance. A delivery is claimed with a row
 * lock (FOR UPDATE SKIP LOCKED, so instances never take the same one) and a lease written in the
 * same statement: if this process dies mid-send, the delivery is due again once the lease runs
 * out. A result is recorded only while the lease is still ours. Woken by the change bus when an
 * audit event commits (here or, through the PostgreSQL relay, on another instance), and by
 * redeliveries and test events; a poll catches everything else (retries falling due).
 */
export class WebhookWorker {
  private timer: NodeJS.Timeout | null = null;
  /** Wakes the worker when the soonest retry it scheduled falls due (sooner than the poll). */
  private retryTimer: { at: number; timer: NodeJS.Timeout } | null = null;
  private unsubscribe: (() => void) | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private started = false;
  private stopping = false;
  private readonly aborter = new AbortController();
  private readonly batch: number;
  private lastPruned = 0;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
    private readonly options: WebhookWorkerOptions,
  ) {
    this.batch = options.batch ?? 10;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.unsubscribe = onChange((change) => {
      if (change.type === "audit" || change.type === "all") this.wake();
    });
    this.timer = setInterval(() => this.wake(), this.options.pollMs);
    this.timer.unref();
    // Whatever was due when the last process stopped (or died).
    this.wake();
  }

  /** Looks for due deliveries now (or right after the current round). */
  wake(): void {
    if (!this.started || this.stopping) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.runOnce()
      .catch((error: Error) => console.error("[keysmith] webhook worker:", error.message))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Stops claiming; attempts under way get a moment to finish, then are abandoned to their lease. */
  async stop(graceMs = 2_000): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    this.unsubscribe?.();
    if (this.timer) clearInterval(this.timer);
    if (this.retryTimer) clearTimeout(this.retryTimer.timer);
    const running = this.running;
    if (!running) return;
    const grace = new Promise((resolve) => setTimeout(resolve, graceMs).unref());
    await Promise.race([running, grace]);
    this.aborter.abort();
    await running;
  }

  /** Sends every delivery due now, a batch at a time (tests call it directly). */
  async runOnce(): Promise<void> {
    const now = this.now().getTime();
    if (now - this.lastPruned >= PRUNE_EVERY_MS) {
      this.lastPruned = now;
      await this.pruneLog(new Date(now - this.options.logRetentionMs));
    }
    for (;;) {
      if (this.stopping) return;
      const claimed = await this.claim();
      await Promise.all(claimed.map((delivery) => this.attempt(delivery)));
      if (claimed.length < this.batch) return;
    }
  }

  /**
   * Keeps the delivery log from growing without end: finished deliveries queued before `cutoff`
   * go, their attempts with them (cascade); pending ones stay whatever their age. A batch per
   * statement, so a long backlog never holds a lock for long; any instance may do it.
   */
  async pruneLog(cutoff: Date): Promise<number> {
    let pruned = 0;
    for (;;) {
      const deleted = await this.db.$executeRaw`DELETE FROM "webhook_delivery" WHERE "id" IN (
        SELECT "id" FROM "webhook_delivery"
        WHERE "status" IN ('delivered', 'failed') AND "createdAt" < ${cutoff}
        LIMIT ${PRUNE_BATCH})`;
      pruned += deleted;
      if (deleted < PRUNE_BATCH || this.stopping) return pruned;
    }
  }

  /**
   * Due by this instance's clock (which tests move) or by the database's: the trigger stamps
   * deliveries with the database's time.
   */
  private async claim(): Promise<Claimed[]> {
    const now = this.now();
    const leaseUntil = new Date(now.getTime() + this.options.leaseMs);
    return this.db.$queryRaw<Claimed[]>`WITH claimed AS (
        UPDATE "webhook_delivery" SET "leaseUntil" = ${leaseUntil}
        WHERE "id" IN (
          SELECT d."id" FROM "webhook_delivery" d
          JOIN "webhook_endpoint" e ON e."id" = d."endpointId"
          WHERE d."status" = 'pending' AND (d."nextAttemptAt" <= ${now} OR d."nextAttemptAt" <= LOCALTIMESTAMP)
            AND (d."leaseUntil" IS NULL OR d."leaseUntil" <= ${now}) AND e."enabled"
          ORDER BY d."nextAttemptAt", d."id" LIMIT ${this.batch}
          FOR UPDATE OF d SKIP LOCKED)
        RETURNING "id", "endpointId", "workspaceId", "messageId", "payload", "attempts", "createdAt", "leaseUntil")
      SELECT c.*, e."url", e."secret" FROM claimed c JOIN "webhook_endpoint" e ON e."id" = c."endpointId"`;
  }

  private async attempt(delivery: Claimed): Promise<void> {
    let result: AttemptResult;
    try {
      // Resolved and checked at each attempt: the name may point elsewhere since it was saved.
      const target = await resolveTarget(delivery.url, this.options.allowPrivate);
      const headers = webhookHeaders(delivery.secret, delivery.messageId, this.now(), delivery.payload);
      result = await sendDelivery(target, headers, delivery.payload, this.options.timeoutMs, this.aborter.signal);
    } catch (error) {
      if (!(error instanceof TargetRefused)) throw error;
      result = { statusCode: null, latencyMs: 0, responseExcerpt: null, error: error.message };
    }
    // Shutting down mid-send: the lease brings the delivery back to whichever instance runs next.
    if (this.aborter.signal.aborted) return;
    await this.record(delivery, result).catch((error: Error) =>
      console.error(`[keysmith] could not record webhook delivery ${delivery.id}:`, error.message),
    );
  }

  private async record(delivery: Claimed, result: AttemptResult): Promise<void> {
    const now = this.now();
    const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
    const number = delivery.attempts + 1;
    const expired = now.getTime() - delivery.createdAt.getTime() >= this.options.retryWindowMs;
    const status = ok ? "delivered" : expired ? "failed" : "pending";
    const retryAt = new Date(now.getTime() + this.backoff(number));
    const disabled = await this.db.$transaction(async (tx) => {
      // Still ours? (A lease that ran out may have let another instance send it again.)
      const updated = await tx.webhookDelivery.updateMany({
        where: { id: delivery.id, leaseUntil: delivery.leaseUntil, status: "pending" },
        data: {
          status,
          attempts: number,
          leaseUntil: null,
          lastStatusCode: result.statusCode,
          lastLatencyMs: result.latencyMs,
          lastResponse: result.responseExcerpt,
          lastError: result.error,
          ...(ok ? { deliveredAt: now } : {}),
          ...(status === "pending" ? { nextAttemptAt: retryAt } : {}),
        },
      });
      if (updated.count === 0) return null;
      await tx.webhookAttempt.create({
        data: {
          id: newId("wha"),
          deliveryId: delivery.id,
          number,
          statusCode: result.statusCode,
          latencyMs: result.latencyMs,
          responseExcerpt: result.responseExcerpt,
          error: result.error,
          createdAt: now,
        },
      });
      if (ok) {
        await tx.webhookEndpoint.updateMany({
          where: { id: delivery.endpointId, failingSince: { not: null } },
          data: { failingSince: null },
        });
        return null;
      }
      await tx.webhookEndpoint.updateMany({
        where: { id: delivery.endpointId, failingSince: null },
        data: { failingSince: now },
      });
      return this.disableIfFailingTooLong(tx, delivery.endpointId, now);
    });
    if (disabled) {
      publishChange(...auditRecorded(disabled.event));
      this.tellAdmins(disabled.endpoint);
    }
    if (status === "pending") this.wakeAt(retryAt.getTime() - now.getTime());
  }

  /** In `delayMs`, unless an earlier wake-up is already set (the poll covers the later ones). */
  private wakeAt(delayMs: number): void {
    if (!this.started || delayMs >= this.options.pollMs) return;
    const at = Date.now() + delayMs;
    if (this.retryTimer && this.retryTimer.at <= at) return;
    if (this.retryTimer) clearTimeout(this.retryTimer.timer);
    const timer = setTimeout(() => {
      this.retryTimer = null;
      this.wake();
    }, delayMs);
    timer.unref();
    this.retryTimer = { at, timer };
  }

  /** Exponential: backoffMs, then twice that, … capped; with up to 10% jitter so retries spread out. */
  private backoff(attempt: number): number {
    const base = Math.min(this.options.backoffMs * 2 ** Math.min(attempt - 1, 30), this.options.backoffMaxMs);
    return Math.round(base * (1 + Math.random() * 0.1));
  }

  private async disableIfFailingTooLong(tx: Transaction, endpointId: string, now: Date) {
    const since = new Date(now.getTime() - this.options.disableAfterMs);
    const endpoint = await tx.webhookEndpoint.findFirst({
      where: { id: endpointId, enabled: true, failingSince: { lte: since } },
      include: { workspace: { select: { name: true, slug: true } } },
    });
    if (!endpoint?.failingSince) return null;
    await tx.webhookEndpoint.update({
      where: { id: endpoint.id },
      data: { enabled: false, disabledReason: "failing", updatedAt: now },
    });
    const event = await recordAudit(
      tx,
      { type: "user", id: "keysmith", label: "Keysmith", ip: null, userAgent: null },
      {
        workspaceId: endpoint.workspaceId,
        action: "webhook.disabled",
        targetType: "webhook",
        targetId: endpoint.id,
        metadata: { url: endpoint.url, events: endpoint.events, failingSince: endpoint.failingSince.toISOString() },
      },
    );
    return { event, endpoint };
  }

  /** Owners and admins of the workspace, by mail where mail is configured (sendInBackground does nothing otherwise). */
  private tellAdmins(endpoint: {
    workspaceId: string;
    url: string;
    failingSince: Date | null;
    workspace: { name: string; slug: string };
  }): void {
    this.db.member
      .findMany({
        where: { organizationId: endpoint.workspaceId, role: { in: ["owner", "admin"] } },
        select: { user: { select: { email: true } } },
      })
      .then((members) => {
        for (const { user } of members) {
          sendInBackground(
            webhookDisabledMail({
              to: user.email,
              url: endpoint.url,
              workspaceName: endpoint.workspace.name,
              failingSince: endpoint.failingSince ?? this.now(),
              link: `${publicBaseUrl()}/${endpoint.workspace.slug}/settings/webhooks`,
            }),
          );
        }
      })
      .catch((error: Error) => console.error("[keysmith] could not tell admins of a disabled webhook:", error.message));
  }
}

type Transaction = Parameters<Parameters<Db["$transaction"]>[0]>[0];
