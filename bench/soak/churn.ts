import type { OwnerClient } from "../support/api-client";
import type { LoadKey } from "../support/load-file";
import type { KeyBook } from "./key-book";

/**
 * One key change a second through the API while the load runs: create, rotate (no grace:
 * the old key answers REVOKED, as a replaced key does), revoke, in turn. The key a change will touch is announced to
 * the load one tick before (it may then answer either way) and settled one tick after the
 * change returned, so an answer that crossed the change in flight is not called wrong. Right
 * after each change the affected keys are verified once more here: the change must show at once.
 */
export interface ChurnCounts {
  created: number;
  rotated: number;
  revoked: number;
  /** Management calls that failed (any unexpected status or a network error). */
  errors: number;
  /** Verifications right after a change that did not show it. */
  wrong: number;
  /** Slowest management call, ms. */
  slowestMs: number;
}

type Kind = "create" | "rotate" | "revoke";
const CYCLE: Kind[] = ["create", "rotate", "revoke"];

export class Churn {
  private counts = emptyCounts();
  private running = true;
  private readonly done: Promise<void>;

  constructor(
    private readonly owner: OwnerClient,
    private readonly book: KeyBook,
    private readonly verifyUrl: string,
  ) {
    this.done = this.loop();
  }

  /** What happened since the previous call. */
  take(): ChurnCounts {
    const counts = this.counts;
    this.counts = emptyCounts();
    return counts;
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.done;
  }

  private async loop(): Promise<void> {
    let tick = 0;
    let settleNext: (() => void) | null = null;
    let planned = this.plan(CYCLE[0]);
    const start = Date.now();
    while (this.running) {
      settleNext?.();
      settleNext = null;
      const current = planned;
      planned = this.plan(CYCLE[(tick + 1) % CYCLE.length]);
      const began = performance.now();
      try {
        settleNext = await this.apply(current);
      } catch (error) {
        this.counts.errors++;
        console.error(`[soak] ${current.kind} failed: ${(error as Error).message}`);
      }
      this.counts.slowestMs = Math.max(this.counts.slowestMs, performance.now() - began);
      tick++;
      const wait = start + tick * 1000 - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    settleNext?.();
  }

  /** Announces the key a rotation or revocation will touch (a creation touches none). */
  private plan(kind: Kind): { kind: Kind; key: LoadKey | null } {
    if (kind === "create") return { kind, key: null };
    return { kind, key: this.book.pickFor("REVOKED") };
  }

  /** Makes the change, checks it shows at once, and returns what settles the load file a tick later. */
  private async apply({ kind, key }: { kind: Kind; key: LoadKey | null }): Promise<(() => void) | null> {
    if (kind === "create") {
      const created = await this.owner.createKey(`soak-${Date.now()}`);
      this.book.add(created);
      await this.expect(created.key, "VALID");
      this.counts.created++;
      return null;
    }
    if (!key?.id) return null;
    const id = key.id;
    if (kind === "rotate") {
      const replacement = await this.owner.rotateKey(id);
      this.book.add(replacement);
      await this.expect(replacement.key, "VALID");
      await this.expect(key.key, "REVOKED");
      this.counts.rotated++;
      return () => this.book.settle(id, "REVOKED");
    }
    await this.owner.revokeKey(id);
    await this.expect(key.key, "REVOKED");
    this.counts.revoked++;
    return () => this.book.settle(id, "REVOKED");
  }

  private async expect(key: string, code: string): Promise<void> {
    const res = await fetch(this.verifyUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ key }),
    });
    const answer = (await res.json()) as { code?: string };
    if (res.status !== 200 || answer.code !== code) {
      this.counts.wrong++;
      console.error(`[soak] expected ${code} right after the change, got ${res.status} ${answer.code}`);
    }
  }
}

function emptyCounts(): ChurnCounts {
  return { created: 0, rotated: 0, revoked: 0, errors: 0, wrong: 0, slowestMs: 0 };
}
