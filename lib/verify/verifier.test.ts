import { describe, expect, it } from "vitest";
import { generateKey } from "../keys/format";
import { hashKey } from "../keys/hash";
import { parseRanges } from "../keys/ip-allowlist";
import type { KeyState } from "../keys/key-state";
import { keyState } from "../keys/key-state.fixture";
import { BatchLoader } from "./batch-loader";
import { ImportedWorkspaces } from "./imported-workspaces";
import { KeyCache } from "./key-cache";
import { KeyIndex } from "./key-index";
import { LookupBudget } from "./lookup-budget";
import { FixedWindowLimiter } from "./rate-limit";
import { type CheckRequest, Verifier } from "./verifier";

/** A verifier over an in-memory "database" of key states that counts every read of it. */
function verifierWith(states: Map<string, KeyState>, authoritative: boolean) {
  const reads = { count: 0 };
  const index = new KeyIndex(authoritative);
  index.load(states.keys());
  const imported = new ImportedWorkspaces();
  const verifier = new Verifier({
    cache: new KeyCache({ maxEntries: 100, maxNegative: 10_000, ttlMs: 60_000, negativeTtlMs: 60_000 }),
    index,
    budget: new LookupBudget({ perSource: { perSecond: 1, burst: 5 }, overall: { perSecond: 1, burst: 5 } }),
    loader: new BatchLoader(async (hashes) => {
      reads.count++;
      return new Map(hashes.flatMap((hash) => (states.has(hash) ? [[hash, states.get(hash) as KeyState]] : [])));
    }),
    keyLimiter: new FixedWindowLimiter(),
    imported,
  });
  return { verifier, imported, reads };
}

const anonymous: CheckRequest = { now: 1_000, caller: { kind: "anonymous" }, source: "203.0.113.7" };
const verifierOf = (workspaceId: string): CheckRequest => ({
  now: 1_000,
  caller: { kind: "verifier", workspaceId },
  source: `workspace:${workspaceId}`,
});
const foreign = (n: number) => `atlas_${String(n).padStart(4, "0")}qWeRtYuIoPaSdFgHjKlZxCvBnM`;
const code = async (check: ReturnType<Verifier["check"]>) => (await check).code;

describe("the gate for keys in other formats", () => {
  const importedKey = foreign(0);
  const states = new Map([[hashKey(importedKey), keyState({ id: "key_imported", workspaceId: "ws_a" })]]);

  it("refuses them as MALFORMED with no hashing or lookup until some workspace imported keys", async () => {
    const { verifier, reads } = verifierWith(states, true);
    expect(await code(verifier.check(importedKey, anonymous))).toBe("MALFORMED");
    expect(await code(verifier.check(importedKey, verifierOf("ws_a")))).toBe("MALFORMED");
    expect(verifier.counts.keyCacheMisses + verifier.counts.keyCacheHits).toBe(0);
    expect(reads.count).toBe(0);
  });

  it("a verifier key looks them up only if its own workspace imported keys; anonymous callers if any did", async () => {
    const { verifier, imported } = verifierWith(states, true);
    imported.add("ws_a");
    expect(await code(verifier.check(importedKey, anonymous))).toBe("VALID");
    expect(await code(verifier.check(importedKey, verifierOf("ws_a")))).toBe("VALID");
    expect(await code(verifier.check(importedKey, verifierOf("ws_b")))).toBe("MALFORMED");
    expect(await code(verifier.check(importedKey, { ...anonymous, caller: { kind: "api" } }))).toBe("VALID");
  });

  it("keeps Keysmith's checksum fast-reject, and refuses text too short or strange to be a key", async () => {
    const { verifier, imported, reads } = verifierWith(states, true);
    imported.add("ws_a");
    const key = generateKey("sk", "live");
    const broken = key.slice(0, -1) + (key.endsWith("A") ? "B" : "A");
    for (const text of [broken, "sk_live_nope", "short-key", "has a space in it somewhere", "ключ-ключ-ключ-ключ"]) {
      expect(await code(verifier.check(text, anonymous)), text).toBe("MALFORMED");
    }
    expect(verifier.counts.keyCacheMisses).toBe(0);
    expect(reads.count).toBe(0);
  });

  it("unknown foreign keys cost no database read when the key index is authoritative", async () => {
    const { verifier, imported, reads } = verifierWith(states, true);
    imported.add("ws_a");
    for (let i = 1; i <= 1_000; i++)
      expect(await code(verifier.check(foreign(i), verifierOf("ws_a")))).toBe("NOT_FOUND");
    expect(reads.count).toBe(0);
    expect(verifier.counts.unknownKeysRefused).toBe(1_000);
  });

  it("otherwise they take the budgeted lookup, and an unknown one is remembered", async () => {
    const { verifier, imported, reads } = verifierWith(states, false);
    imported.add("ws_a");
    expect(await code(verifier.check(foreign(1), anonymous))).toBe("NOT_FOUND");
    expect(await code(verifier.check(foreign(1), anonymous))).toBe("NOT_FOUND");
    expect(reads.count).toBe(1);
    expect(verifier.counts.keyCacheHits).toBe(1);
    // Burst of 5 for this caller: the rest are refused without a read.
    for (let i = 2; i <= 5; i++) await verifier.check(foreign(i), anonymous);
    expect(() => verifier.check(foreign(6), anonymous)).toThrow(/never seen/);
    expect(reads.count).toBe(5);
  });
});

describe("a cached key's check for an anonymous caller naming nothing", () => {
  const key = generateKey("sk", "live");
  const hash = hashKey(key);
  const at = (now: number, fields: Partial<CheckRequest> = {}): CheckRequest => ({ ...anonymous, now, ...fields });

  it("is held until the key expires, then refused from then on, and holds again if the clock goes back", async () => {
    const { verifier } = verifierWith(new Map([[hash, keyState({ expiresAt: 5_000 })]]), true);
    expect(await code(verifier.check(key, at(1_000)))).toBe("VALID");
    expect(await code(verifier.check(key, at(4_999)))).toBe("VALID");
    expect(await code(verifier.check(key, at(5_000)))).toBe("EXPIRED");
    expect(await code(verifier.check(key, at(9_000)))).toBe("EXPIRED");
    expect(await code(verifier.check(key, at(4_000)))).toBe("VALID");
  });

  it("is not the answer for a caller naming an address, a workspace or an organization", async () => {
    const allowlisted = keyState({ ipAllowlist: parseRanges(["203.0.113.0/24"]) });
    const { verifier } = verifierWith(new Map([[hash, allowlisted]]), true);
    expect(await code(verifier.check(key, at(1_000)))).toBe("IP_NOT_ALLOWED");
    expect(await code(verifier.check(key, at(1_000, { ip: "203.0.113.9" })))).toBe("VALID");
    expect(await code(verifier.check(key, at(1_000, { ip: "198.51.100.1" })))).toBe("IP_NOT_ALLOWED");
    const named = { ip: "203.0.113.9", organizationHint: "org_other" };
    expect(await code(verifier.check(key, at(1_000, named)))).toBe("ORGANIZATION_MISMATCH");
    expect(await code(verifier.check(key, at(1_000)))).toBe("IP_NOT_ALLOWED");
  });

  it("still counts every use of a key with its own request limit", async () => {
    const limited = keyState({ rateLimit: { max: 3, windowMs: 60_000 } });
    const { verifier } = verifierWith(new Map([[hash, limited]]), true);
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push(await code(verifier.check(key, at(1_000 + i))));
    expect(codes).toEqual(["VALID", "VALID", "VALID", "RATE_LIMITED", "RATE_LIMITED"]);
  });
});
