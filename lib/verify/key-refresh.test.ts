import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { KeyState } from "../keys/key-state";
import { keyState } from "../keys/key-state.fixture";
import { KeyCache } from "./key-cache";
import { KeyRefresher } from "./key-refresh";

const MINUTE = 60_000;
const TTL = 10 * MINUTE;
const options = { intervalMs: 5_000, aheadMs: 30_000, usedWithinMs: 2 * MINUTE, keysPerRead: 2, keysPerRound: 10 };

/** A database of keys by hash, counting the statements and keys read from it. */
function database(states: Record<string, KeyState>) {
  const reads: string[][] = [];
  const read = async (hashes: readonly string[]) => {
    reads.push([...hashes]);
    return new Map(hashes.flatMap((hash) => (states[hash] ? [[hash, states[hash]] as const] : [])));
  };
  return { reads, read };
}

/** 20 s before the entries stored at 0 lapse: within the 30 s the refresher looks ahead. */
const DUE = TTL - 20_000;

function cacheWith(hashes: string[], at: number) {
  const cache = new KeyCache({ maxEntries: 100, maxNegative: 10, ttlMs: TTL, negativeTtlMs: TTL });
  for (const hash of hashes) cache.set(hash, keyState({ id: `id-${hash}` }), cache.currentGeneration(), at);
  return cache;
}

describe("KeyRefresher", () => {
  // No TTL jitter: an entry stored at t lapses at t + TTL.
  beforeEach(() => vi.spyOn(Math, "random").mockReturnValue(1));
  afterEach(() => vi.restoreAllMocks());

  it("reads the keys in use again before their TTL ends, several per statement, and they stay cached", async () => {
    let now = 0;
    const hashes = ["a", "b", "c"];
    const cache = cacheWith(hashes, now);
    const db = database(Object.fromEntries(hashes.map((h) => [h, keyState({ id: `id-${h}`, name: `renamed ${h}` })])));
    const refresher = new KeyRefresher(cache, db.read, () => now, options);

    now = TTL / 2;
    for (const hash of hashes) cache.get(hash, now); // in use
    expect(await refresher.refresh()).toBe(0); // nothing due yet
    now = DUE;
    for (const hash of hashes) cache.get(hash, now); // still in use
    expect(await refresher.refresh()).toBe(3);
    expect(db.reads).toEqual([expect.any(Array), expect.any(Array)]); // 2 keys per statement
    expect(db.reads.flat().sort()).toEqual(hashes);

    now = TTL + 1; // past every original TTL: still cached, with what the database said last
    for (const hash of hashes) expect(cache.get(hash, now)?.state.name).toBe(`renamed ${hash}`);
  });

  it("lets keys nobody uses lapse, and drops keys gone from the database", async () => {
    let now = 0;
    const cache = cacheWith(["used", "idle", "gone"], now);
    const db = database({ used: keyState({ id: "id-used" }), idle: keyState({ id: "id-idle" }) });
    const refresher = new KeyRefresher(cache, db.read, () => now, options);

    now = DUE;
    cache.get("used", now);
    cache.get("gone", now);
    expect(await refresher.refresh()).toBe(2);
    expect(db.reads.flat().sort()).toEqual(["gone", "used"]);
    expect(cache.get("gone", now)).toBeNull(); // remembered as unknown, no second read
    now = TTL + 1;
    expect(cache.get("used", now)?.state.id).toBe("id-used");
    expect(cache.get("idle", now)).toBeUndefined();
  });

  it("keeps nothing it read while a change was made", async () => {
    let now = 0;
    const cache = cacheWith(["a"], now);
    let release: () => void = () => {};
    const read = (hashes: readonly string[]) =>
      new Promise<Map<string, KeyState>>((resolve) => {
        release = () => resolve(new Map(hashes.map((h) => [h, keyState({ id: "id-a", name: "stale" })])));
      });
    const refresher = new KeyRefresher(cache, read, () => now, options);
    now = DUE;
    cache.get("a", now);
    const round = refresher.refresh();
    await Promise.resolve();
    cache.apply({ type: "key", keyId: "id-other" }); // any change: the read may predate it
    release();
    await round;
    expect(cache.get("a", now)?.state.name).not.toBe("stale");
  });

  it("runs one round at a time", async () => {
    const now = DUE;
    const cache = cacheWith(["a"], 0);
    cache.get("a", now);
    const db = database({ a: keyState({ id: "id-a" }) });
    const refresher = new KeyRefresher(cache, db.read, () => now, options);
    const [first, second] = [refresher.refresh(), refresher.refresh()];
    expect(second).toBe(first);
    await first;
    expect(db.reads).toHaveLength(1);
  });
});
