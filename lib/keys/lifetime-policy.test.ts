import { describe, expect, it } from "vitest";
import { ApiError } from "../api/errors";
import { assertWithinLifetime, latestExpiry } from "./lifetime-policy";

const now = new Date("2026-03-01T12:00:00.000Z");
const DAY = 24 * 60 * 60 * 1000;

const refusal = (fn: () => void) => {
  try {
    fn();
  } catch (error) {
    return error as ApiError;
  }
  throw new Error("not refused");
};

describe("the maximum key lifetime", () => {
  it("allows anything without a limit, and expiries up to the limit with one", () => {
    expect(latestExpiry(null, now)).toBeNull();
    expect(() => assertWithinLifetime(null, null, now)).not.toThrow();
    expect(() => assertWithinLifetime(30, new Date(now.getTime() + 30 * DAY), now)).not.toThrow();
    expect(latestExpiry(30, now)?.toISOString()).toBe("2026-03-31T12:00:00.000Z");
  });

  it("refuses a later or absent expiry with a 400 naming expiresAt", () => {
    const late = refusal(() => assertWithinLifetime(30, new Date(now.getTime() + 30 * DAY + 1), now));
    expect(late).toBeInstanceOf(ApiError);
    expect(late.status).toBe(400);
    expect(late.details).toEqual({
      issues: [
        {
          field: "expiresAt",
          message:
            "This workspace's keys must expire within 30 days (by 2026-03-31T12:00:00.000Z): choose an earlier expiry",
        },
      ],
    });
    const never = refusal(() => assertWithinLifetime(1, null, now));
    expect(never.message).toBe("expiresAt: This workspace's keys must expire within 1 day: give an expiry");
  });
});
