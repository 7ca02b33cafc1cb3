import { describe, expect, it } from "vitest";
import { LookupBudget } from "./lookup-budget";

describe("LookupBudget", () => {
  it("allows a burst per source, then refills at its rate", () => {
    const budget = new LookupBudget({
      perSource: { perSecond: 10, burst: 3 },
      overall: { perSecond: 1000, burst: 1000 },
    });
    for (let i = 0; i < 3; i++) expect(budget.take("10.0.0.1", 0)).toBeNull();
    expect(budget.take("10.0.0.1", 0)).toEqual({ scope: "source", retryAfterMs: 100 });
    expect(budget.take("10.0.0.2", 0)).toBeNull(); // another source has its own bucket
    expect(budget.take("10.0.0.1", 100)).toBeNull(); // one lookup refilled after 100 ms
    expect(budget.take("10.0.0.1", 100)).not.toBeNull();
  });

  it("bounds all sources together", () => {
    const budget = new LookupBudget({ perSource: { perSecond: 100, burst: 100 }, overall: { perSecond: 2, burst: 2 } });
    expect(budget.take("a", 0)).toBeNull();
    expect(budget.take("b", 0)).toBeNull();
    expect(budget.take("c", 0)).toEqual({ scope: "overall", retryAfterMs: 500 });
    expect(budget.take("c", 500)).toBeNull();
  });
});
