import { describe, expect, it } from "vitest";
import { expiryFromPreset, keyStatus } from "./expiry";

const now = new Date("2026-01-31T12:00:00.000Z");
const day = 24 * 60 * 60 * 1000;

describe("expiryFromPreset", () => {
  it.each([
    ["15d", "2026-02-15T12:00:00.000Z"],
    ["25d", "2026-02-25T12:00:00.000Z"],
    ["45d", "2026-03-17T12:00:00.000Z"],
    ["90d", "2026-05-01T12:00:00.000Z"],
    ["6m", "2026-07-31T12:00:00.000Z"],
    ["1y", "2027-01-31T12:00:00.000Z"],
  ] as const)("%s → %s", (preset, expected) => {
    expect(expiryFromPreset(preset, now)?.toISOString()).toBe(expected);
  });

  it("never → no expiry", () => {
    expect(expiryFromPreset("never", now)).toBeNull();
  });
});

describe("keyStatus", () => {
  const base = { expiresAt: null, revokedAt: null, rotatedAt: null };

  it("active without expiry", () => expect(keyStatus(base, now)).toBe("active"));
  it("active with a distant expiry", () =>
    expect(keyStatus({ ...base, expiresAt: new Date(now.getTime() + 30 * day) }, now)).toBe("active"));
  it("expiring soon within 7 days", () =>
    expect(keyStatus({ ...base, expiresAt: new Date(now.getTime() + 7 * day) }, now)).toBe("expiring_soon"));
  it("expired at the exact expiry instant", () => expect(keyStatus({ ...base, expiresAt: now }, now)).toBe("expired"));
  it("in grace after rotation, before the grace ends", () =>
    expect(keyStatus({ ...base, rotatedAt: now, expiresAt: new Date(now.getTime() + day) }, now)).toBe("in_grace"));
  it("revoked wins over expiry", () =>
    expect(keyStatus({ ...base, revokedAt: now, expiresAt: new Date(now.getTime() - day) }, now)).toBe("revoked"));
});
