import { describe, expect, it } from "vitest";
import { evaluateKey } from "../../../../lib/keys/evaluate";
import { generateKey, isWellFormedKey as serverWellFormed } from "../../../../lib/keys/format";
import { isIpInRanges, parseRanges } from "../../../../lib/keys/ip-allowlist";
import type { KeyState } from "../../../../lib/keys/key-state";
import { keyState, membershipIn } from "../../../../lib/keys/key-state.fixture";
import { emptyAnswerSlots, keyAnswer } from "../../../../lib/verify/answers";
import { snapshotEntry } from "../../../../lib/verify/snapshot-entry";
import { AllowList, mappedIPv4 } from "./allowlist";
import { entryAnswer, evaluateEntry, toLocalEntry } from "./entry";
import { isWellFormedKey } from "./key-format";
import { BoundedSet, FixedWindowLimiter } from "./limits";
import { nodeParts } from "./node";

// The SDK reimplements what the server decides; these tests hold the two side by side.
const node = nodeParts();

describe("the local key format check", () => {
  it("agrees with the server's on real, mistyped and foreign keys", () => {
    const environments = ["live", "test", "prod", "staging", "qa", "production"];
    for (let i = 0; i < 240; i++) {
      const key = generateKey(i % 2 ? "sk" : "acme01", environments[i % environments.length]);
      const typo = `${key.slice(0, 10)}${key[10] === "A" ? "B" : "A"}${key.slice(11)}`;
      for (const candidate of [key, typo, key.slice(0, -1), `${key}x`, key.toUpperCase()]) {
        expect(isWellFormedKey(candidate, node.crc32)).toBe(serverWellFormed(candidate));
      }
    }
    expect(isWellFormedKey("sk_live_nope", node.crc32)).toBe(false);
  });

  it("accepts a key in a workspace's own environment, at the longest prefix and environment", () => {
    for (const key of [generateKey("sk", "staging"), generateKey("abcdefghijkl", "abcdefghij")]) {
      expect(isWellFormedKey(key, node.crc32), key).toBe(true);
    }
    const staging = generateKey("sk", "staging");
    expect(isWellFormedKey(staging.replace("_staging_", "_Staging_"), node.crc32)).toBe(false);
    expect(isWellFormedKey(staging.replace("_staging_", "_stagingtest_"), node.crc32)).toBe(false);
  });
});

describe("the local IP allowlist", () => {
  const cidrs = ["10.0.0.0/8", "192.168.1.7/32", "2001:db8::/32", "::ffff:0:0/96"];
  const ips = [
    "10.1.2.3",
    "11.0.0.1",
    "192.168.1.7",
    "192.168.1.8",
    "2001:db8::1",
    "2001:db9::1",
    "::ffff:10.0.0.1",
    "::ffff:0a00:0001",
    "0:0:0:0:0:ffff:c0a8:0107",
    "::1",
  ];
  it("matches what the server matches", () => {
    const local = new AllowList(cidrs, node);
    const ranges = parseRanges(cidrs);
    for (const ip of ips) expect([ip, local.allows(ip)]).toEqual([ip, isIpInRanges(ip, ranges)]);
    expect(local.allows(undefined)).toBe(false);
  });
  it("reads an IPv4-mapped address in any spelling", () => {
    expect(mappedIPv4("::FFFF:192.0.2.1")).toBe("192.0.2.1");
    expect(mappedIPv4("::ffff:c000:201")).toBe("192.0.2.1");
    expect(mappedIPv4("2001:db8::ffff:1")).toBeNull();
  });
});

describe("local answers", () => {
  const W = "ws_a";
  const now = Date.parse("2026-12-04T12:00:00.000Z");
  const states: Record<string, KeyState> = {
    valid: keyState(),
    memberTier: keyState({ memberships: [{ ...membershipIn(W), role: "member" }] }),
    revoked: keyState({ revoked: true }),
    expired: keyState({ expiresAt: now - 1 }),
    expiring: keyState({ expiresAt: now + 60_000 }),
    disabled: keyState({ enabled: false }),
    allowlisted: keyState({ ipAllowlist: parseRanges(["10.0.0.0/8"]) }),
    orphan: keyState({ memberships: [] }),
    personal: keyState({ kind: "personal", workspaceId: null, memberships: [membershipIn("ws_b"), membershipIn(W)] }),
    revokedPersonal: keyState({ kind: "personal", workspaceId: null, revoked: true, memberships: [membershipIn(W)] }),
  };
  it("are the server's for every state, address and outcome", () => {
    for (const [name, state] of Object.entries(states)) {
      const source = snapshotEntry("h", state, W);
      if (!source) throw new Error(name);
      for (const ip of [undefined, "10.0.0.1", "8.8.8.8"]) {
        const verdict = evaluateKey(state, { now, caller: { kind: "verifier", workspaceId: W }, ip });
        const entry = toLocalEntry(source, W, node);
        const code = evaluateEntry(entry, now, ip);
        expect([name, ip, code]).toEqual([name, ip, verdict.code]);
        if (
          verdict.code === "WORKSPACE_AMBIGUOUS" ||
          verdict.code === "WORKSPACE_DENIED" ||
          verdict.code === "ORGANIZATION_MISMATCH"
        )
          throw new Error(name);
        const served = keyAnswer({ state, answers: emptyAnswerSlots() }, verdict.code, verdict.membership);
        expect(entryAnswer(entry, code)).toEqual(served.result);
      }
      const entry = toLocalEntry(source, W, node);
      for (const code of ["INSUFFICIENT_SCOPE", "RATE_LIMITED"] as const) {
        const membership =
          code === "INSUFFICIENT_SCOPE" ? (state.memberships.find((m) => m.workspace.id === W) ?? null) : null;
        if (code === "INSUFFICIENT_SCOPE" && !membership) continue;
        const served = keyAnswer({ state, answers: emptyAnswerSlots() }, code, membership);
        expect(entryAnswer(entry, code)).toEqual(served.result);
      }
    }
  });
});

describe("local limits", () => {
  it("counts a key's requests in fixed windows", () => {
    const limiter = new FixedWindowLimiter();
    expect([1, 2, 3].map(() => limiter.hit("k", 2, 1000, 0))).toEqual([false, false, true]);
    expect(limiter.hit("k", 2, 1000, 1000)).toBe(false);
  });
  it("forgets the oldest unknown hashes first", () => {
    const set = new BoundedSet(2);
    set.add("a");
    set.add("b");
    set.add("a");
    set.add("c");
    expect([set.has("a"), set.has("b"), set.has("c")]).toEqual([true, false, true]);
  });
});
