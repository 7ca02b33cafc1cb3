import { describe, expect, it } from "vitest";
import { UsageCounters } from "./usage-counters";

const at = Date.parse("2026-12-05T10:30:00.000Z");
const totals = (counters: UsageCounters, limit: number) => {
  const taken = new Map<string, number>();
  for (const snapshot of counters.drain(limit)) {
    taken.set(
      snapshot.keyId,
      snapshot.buckets.reduce((sum, b) => sum + b.success, 0),
    );
  }
  return taken;
};
const use = (counters: UsageCounters, keyIds: string[], times = 1) => {
  for (const keyId of keyIds) for (let i = 0; i < times; i++) counters.count(keyId, true, at, "10.0.0.1", "curl/8");
};

describe("UsageCounters.drain with a limit", () => {
  it("takes the keys written longest ago in turn, and the others keep every use until theirs", () => {
    const counters = new UsageCounters();
    const keys = ["a", "b", "c", "d", "e"];
    use(counters, keys);
    expect([...totals(counters, Number.POSITIVE_INFINITY).keys()]).toEqual(keys);

    use(counters, keys, 2);
    expect(totals(counters, 2)).toEqual(
      new Map([
        ["a", 2],
        ["b", 2],
      ]),
    );
    use(counters, keys, 3);
    expect(totals(counters, 2)).toEqual(
      new Map([
        ["c", 5],
        ["d", 5],
      ]),
    );
    use(counters, keys, 1);
    // e has waited longest now; a and b come next, with the uses counted since their turn.
    expect(totals(counters, 3)).toEqual(
      new Map([
        ["e", 6],
        ["a", 4],
        ["b", 4],
      ]),
    );
    expect(totals(counters, 10)).toEqual(
      new Map([
        ["c", 1],
        ["d", 1],
      ]),
    );
    expect(counters.drain(10)).toEqual([]);
  });

  it("takes a key no flush has taken yet at once, beside at least half the limit of waiting ones", () => {
    const counters = new UsageCounters();
    use(counters, ["a", "b", "c", "d"]);
    counters.drain();
    use(counters, ["a", "b", "c", "d", "new"]);
    expect([...totals(counters, 3).keys()]).toEqual(["a", "b", "new"]);
    expect([...totals(counters, 3).keys()]).toEqual(["c", "d"]);
  });

  it("drops a record only after two calls that found it idle, not while it waits its turn", () => {
    const counters = new UsageCounters();
    use(counters, ["a", "b"]);
    counters.drain();
    use(counters, ["a", "b"]);
    for (let i = 0; i < 3; i++) {
      counters.drain(0);
      expect(counters.size).toBe(2);
    }
    expect(totals(counters, 5)).toEqual(
      new Map([
        ["a", 1],
        ["b", 1],
      ]),
    );
    counters.drain();
    counters.drain();
    expect(counters.size).toBe(0);
  });
});
