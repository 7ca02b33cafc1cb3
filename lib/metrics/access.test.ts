import { describe, expect, it } from "vitest";
import { ApiError } from "../api/errors";
import { checkMetricsAccess } from "./access";

const refusal = (run: () => void) => {
  try {
    run();
  } catch (error) {
    return error instanceof ApiError ? error.status : "not an ApiError";
  }
  return "allowed";
};

describe("checkMetricsAccess", () => {
  it("lets this machine in, with or without a token configured", () => {
    expect(refusal(() => checkMetricsAccess("127.0.0.1", null, undefined))).toBe("allowed");
    expect(refusal(() => checkMetricsAccess("::1", null, "s3cret"))).toBe("allowed");
  });

  it("refuses every remote caller when no token is configured", () => {
    expect(refusal(() => checkMetricsAccess("203.0.113.9", "Bearer anything", undefined))).toBe(401);
    expect(refusal(() => checkMetricsAccess(null, null, ""))).toBe(401);
  });

  it("lets a remote scraper in with the token, and only with it", () => {
    expect(refusal(() => checkMetricsAccess("203.0.113.9", "Bearer s3cret", "s3cret"))).toBe("allowed");
    expect(refusal(() => checkMetricsAccess("203.0.113.9", "Bearer s3cre", "s3cret"))).toBe(401);
    expect(refusal(() => checkMetricsAccess("203.0.113.9", "s3cret", "s3cret"))).toBe(401);
    expect(refusal(() => checkMetricsAccess("203.0.113.9", null, "s3cret"))).toBe(401);
  });
});
