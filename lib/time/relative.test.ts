import { describe, expect, it } from "vitest";
import { formatRelative } from "./relative";

const now = new Date(2026, 2, 10, 12, 0, 0);
const at = (ms: number) => new Date(now.getTime() + ms);
const MIN = 60_000;
const HOUR = 60 * MIN;

describe("formatRelative", () => {
  it("says just now, minutes and hours, past and future", () => {
    expect(formatRelative(at(-20_000), now)).toBe("just now");
    expect(formatRelative(at(-5 * MIN), now)).toBe("5 min ago");
    expect(formatRelative(at(59 * MIN), now)).toBe("in 59 min");
    expect(formatRelative(at(-HOUR), now)).toBe("1 hour ago");
    expect(formatRelative(at(23 * HOUR + 59 * MIN), now)).toBe("in 23 hours");
  });

  it("counts calendar days, then gives the date", () => {
    expect(formatRelative(new Date(2026, 2, 9, 8, 0), now)).toBe("yesterday");
    expect(formatRelative(new Date(2026, 2, 11, 23, 59), now)).toBe("tomorrow");
    expect(formatRelative(new Date(2026, 2, 31, 23, 59), now)).toBe("in 21 days");
    expect(formatRelative(new Date(2026, 1, 8), now)).toBe("30 days ago");
    expect(formatRelative(new Date(2027, 2, 10), now)).toBe("Mar 10, 2027");
  });
});

describe("formatRelative in UTC (server-rendered HTML)", () => {
  const utcNow = new Date("2026-03-10T12:00:00Z");
  it("counts UTC calendar days and gives UTC dates, whatever the machine's zone", () => {
    expect(formatRelative(new Date("2026-03-09T00:30:00Z"), utcNow, { timeZone: "UTC" })).toBe("yesterday");
    expect(formatRelative(new Date("2026-03-07T23:59:00Z"), utcNow, { timeZone: "UTC" })).toBe("3 days ago");
    expect(formatRelative(new Date("2027-03-10T23:30:00Z"), utcNow, { timeZone: "UTC" })).toBe("Mar 10, 2027");
    expect(formatRelative(new Date("2026-03-10T11:55:00Z"), utcNow, { timeZone: "UTC" })).toBe("5 min ago");
  });
});
