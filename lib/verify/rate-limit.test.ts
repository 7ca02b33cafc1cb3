import { describe, expect, it } from "vitest";
import { FixedWindowLimiter } from "./rate-limit";

describe("FixedWindowLimiter", () => {
  it("allows `limit` hits per window, then says how long to wait", () => {
    const limiter = new FixedWindowLimiter();
    expect(limiter.hit("ip", 2, 1000, 0)).toBe(0);
    expect(limiter.hit("ip", 2, 1000, 100)).toBe(0);
    expect(limiter.retryAfterMs("ip", 2, 1000, 200)).toBe(800);
    expect(limiter.hit("ip", 2, 1000, 200)).toBe(800);
    expect(limiter.retryAfterMs("other", 2, 1000, 200)).toBe(0);
    expect(limiter.retryAfterMs("ip", 2, 1000, 1000)).toBe(0);
    expect(limiter.hit("ip", 2, 1000, 1000)).toBe(0);
  });

  it("forgets the oldest windows beyond its bound", () => {
    const limiter = new FixedWindowLimiter(2);
    limiter.hit("a", 1, 1000, 0);
    limiter.hit("a", 1, 1000, 0);
    limiter.hit("b", 1, 1000, 0);
    limiter.hit("c", 1, 1000, 0);
    expect(limiter.retryAfterMs("a", 1, 1000, 10)).toBe(0);
  });
});
