import { describe, expect, it } from "vitest";
import type { KeyState } from "../keys/key-state";
import { keyState } from "../keys/key-state.fixture";
import { KeyCache } from "./key-cache";

const options = { maxEntries: 3, maxNegative: 2, ttlMs: 500_000, negativeTtlMs: 500 };

function state(id: string, creatorId = "u1", workspaceId = "w1"): KeyState {
  return keyState({ id, creatorId, workspaceId });
}

describe("KeyCache", () => {
  it("returns hits, remembers misses for a while, and expires entries", () => {
    const cache = new KeyCache(options);
    const g = cache.currentGeneration();
    cache.set("a", state("k1"), g, 0);
    cache.set("x", null, g, 0);
    expect(cache.get("a", 10)?.state.id).toBe("k1");
    expect(cache.get("x", 10)).toBeNull();
    expect(cache.get("x", 600)).toBeUndefined();
    expect(cache.get("a", 500_001)).toBeUndefined();
    expect(cache.get("never", 0)).toBeUndefined();
  });

  it("evicts the least recently used entry beyond its bound", () => {
    const cache = new KeyCache(options);
    const g = cache.currentGeneration();
    for (const k of ["a", "b", "c"]) cache.set(k, state(k), g, 0);
    cache.get("a", 60_001); // a is now the most recent (hits move it at most once a minute)
    cache.set("d", state("d"), g, 60_001);
    expect(cache.size).toBe(3);
    expect(cache.get("b", 60_002)).toBeUndefined();
    expect(cache.get("a", 60_002)?.state.id).toBe("a");
  });

  it("drops entries by key, by creator and by workspace", () => {
    const cache = new KeyCache({ ...options, maxEntries: 10 });
    const g = cache.currentGeneration();
    cache.set("a", state("k1", "u1", "w1"), g, 0);
    cache.set("b", state("k2", "u2", "w1"), g, 0);
    cache.set("c", state("k3", "u2", "w2"), g, 0);
    cache.apply({ type: "key", keyId: "k1" });
    expect(cache.get("a", 1)).toBeUndefined();
    cache.apply({ type: "workspace", workspaceId: "w2" });
    expect(cache.get("c", 1)).toBeUndefined();
    expect(cache.get("b", 1)?.state.id).toBe("k2");
    cache.apply({ type: "user", userId: "u2" });
    expect(cache.size).toBe(0);
  });

  it("caps the lifetime of entries stored while capped, and lifts the cap", () => {
    const cache = new KeyCache(options);
    cache.capTtl(200);
    cache.set("a", state("k1"), cache.currentGeneration(), 0);
    expect(cache.get("a", 150)?.state.id).toBe("k1");
    expect(cache.get("a", 201)).toBeUndefined();
    cache.capTtl(null);
    cache.set("b", state("k2"), cache.currentGeneration(), 0);
    expect(cache.get("b", 400_000)?.state.id).toBe("k2");
  });

  it("does not cache a load that raced an invalidation", () => {
    const cache = new KeyCache(options);
    const before = cache.currentGeneration();
    cache.apply({ type: "key", keyId: "k1" });
    cache.set("a", state("k1"), before, 0);
    expect(cache.get("a", 1)).toBeUndefined();
  });
});

describe("KeyCache.load", () => {
  it("shares one load between concurrent misses and caches the result", async () => {
    const cache = new KeyCache(options);
    let loads = 0;
    const loader = async () => {
      loads++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return state("k1");
    };
    const results = await Promise.all([
      cache.load("a", 0, loader),
      cache.load("a", 0, loader),
      cache.load("a", 0, loader),
    ]);
    expect(loads).toBe(1);
    expect(results.map((r) => r?.state.id)).toEqual(["k1", "k1", "k1"]);
    expect(cache.get("a", 1)?.state.id).toBe("k1");
  });
});
