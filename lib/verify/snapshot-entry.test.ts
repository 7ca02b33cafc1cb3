import { describe, expect, it } from "vitest";
import { parseRanges } from "../keys/ip-allowlist";
import { keyState, membershipIn } from "../keys/key-state.fixture";
import { snapshotEntry } from "./snapshot-entry";
import { UsageCounters } from "./usage-counters";

describe("snapshotEntry", () => {
  it("gives a workspace key of the verifier's workspace, with its effective scopes there", () => {
    const state = keyState({
      expiresAt: Date.parse("2027-01-01T00:00:00.000Z"),
      ipAllowlist: parseRanges(["10.0.0.0/8", "2001:db8::/32"]),
      rateLimit: { max: 5, windowMs: 1000 },
    });
    expect(snapshotEntry("ab", state, "ws_a")).toEqual({
      hash: "ab",
      keyId: "key_1",
      kind: "workspace",
      organizationId: "org_a",
      workspaceId: "ws_a",
      environment: "live",
      expiresAt: "2027-01-01T00:00:00.000Z",
      revoked: false,
      rotated: false,
      enabled: true,
      ipAllowlist: ["10.0.0.0/8", "2001:db8::/32"],
      creatorIsMember: true,
      scopes: ["keys.read"],
      role: "admin",
      rateLimit: { max: 5, windowMs: 1000 },
    });
  });

  it("leaves out what the server answers NOT_FOUND for, and marks a removed creator's key", () => {
    expect(snapshotEntry("ab", keyState(), "ws_b")).toBeNull();
    const personal = keyState({ kind: "personal", workspaceId: null, memberships: [membershipIn("ws_b")] });
    expect(snapshotEntry("ab", personal, "ws_a")).toBeNull();
    expect(snapshotEntry("ab", personal, "ws_b")).toMatchObject({ workspaceId: null, creatorIsMember: true });
    const orphan = snapshotEntry("ab", keyState({ memberships: [] }), "ws_a");
    expect(orphan).toMatchObject({ creatorIsMember: false, scopes: [], role: null });
  });
});

describe("UsageCounters.add", () => {
  it("adds a verifier's counts in the hour of their time, with its last use", () => {
    const counters = new UsageCounters();
    const at = Date.parse("2026-12-04T10:30:00.000Z");
    counters.count("key_1", true, at - 1000, "10.0.0.1", "a");
    counters.add("key_1", 120, 3, at, "10.0.0.2", "b");
    counters.add("key_1", 0, 2, at + 3_600_000, null, null);
    const [snapshot] = counters.drain();
    expect(snapshot).toMatchObject({ keyId: "key_1", lastUsedAt: at, ip: "10.0.0.2", userAgent: "b" });
    expect(snapshot.buckets).toEqual(
      expect.arrayContaining([
        { hour: Date.parse("2026-12-04T10:00:00.000Z"), success: 121, failure: 3 },
        { hour: Date.parse("2026-12-04T11:00:00.000Z"), success: 0, failure: 2 },
      ]),
    );
  });
});
