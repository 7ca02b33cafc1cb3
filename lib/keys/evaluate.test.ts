import { describe, expect, it } from "vitest";
import { evaluateKey, type KeyRequest } from "./evaluate";
import { parseRanges } from "./ip-allowlist";
import type { KeyState } from "./key-state";
import { keyState as key, membershipIn as membership } from "./key-state.fixture";

const anonymous: KeyRequest = { now: 1_000, caller: { kind: "anonymous" } };
const code = (state: KeyState, request: KeyRequest = anonymous) => evaluateKey(state, request).code;

describe("evaluateKey", () => {
  it("accepts a usable key in its creator's membership", () => {
    const state = key();
    expect(evaluateKey(state, anonymous)).toEqual({ code: "VALID", membership: state.memberships[0] });
  });

  it("refuses revoked, expired, disabled and fenced keys, in that order", () => {
    expect(code(key({ revoked: true, expiresAt: 0 }))).toBe("REVOKED");
    expect(code(key({ expiresAt: 1_000, enabled: false }))).toBe("EXPIRED");
    expect(code(key({ expiresAt: 1_001 }))).toBe("VALID");
    expect(code(key({ enabled: false }))).toBe("DISABLED");
    const fenced = key({ ipAllowlist: parseRanges(["10.0.0.0/8"]) });
    expect(code(fenced, { ...anonymous, ip: "10.1.2.3" })).toBe("VALID");
    expect(code(fenced, { ...anonymous, ip: "192.0.2.1" })).toBe("IP_NOT_ALLOWED");
    expect(code(fenced)).toBe("IP_NOT_ALLOWED");
    expect(code(key({ memberships: [] }))).toBe("DISABLED"); // its creator left
  });

  it("shows a verifier only its own workspace's keys, before anything else about them", () => {
    const verifierA: KeyRequest = { now: 1_000, caller: { kind: "verifier", workspaceId: "ws_a" } };
    const verifierB: KeyRequest = { now: 1_000, caller: { kind: "verifier", workspaceId: "ws_b" } };
    expect(code(key(), verifierA)).toBe("VALID");
    expect(code(key(), verifierB)).toBe("NOT_FOUND");
    expect(code(key({ revoked: true }), verifierA)).toBe("REVOKED");
    expect(code(key({ revoked: true }), verifierB)).toBe("NOT_FOUND");
  });

  it("hides the keys of a workspace that requires a verifier key from anonymous callers only", () => {
    const guarded = key({ workspaceRequiresVerifier: true, revoked: true });
    expect(code(guarded)).toBe("NOT_FOUND");
    expect(code(guarded, { now: 1_000, caller: { kind: "verifier", workspaceId: "ws_a" } })).toBe("REVOKED");
    expect(code(guarded, { now: 1_000, caller: { kind: "api" } })).toBe("REVOKED");
  });

  it("places a personal key in the named workspace, the only one, or none", () => {
    const personal = key({
      kind: "personal",
      workspaceId: null,
      memberships: [membership("ws_a"), membership("ws_b")],
    });
    const api = { now: 1_000, caller: { kind: "api" } } as const;
    expect(evaluateKey(personal, { ...api, workspaceHint: "ws_b-slug" })).toMatchObject({
      code: "VALID",
      membership: { workspace: { id: "ws_b" } },
    });
    expect(code(personal, api)).toBe("WORKSPACE_AMBIGUOUS");
    expect(code(personal, { ...api, workspaceHint: "ws_c" })).toBe("WORKSPACE_DENIED");
    expect(code(personal, { now: 1_000, caller: { kind: "verifier", workspaceId: "ws_b" } })).toBe("VALID");
    expect(code(personal, { now: 1_000, caller: { kind: "verifier", workspaceId: "ws_c" } })).toBe("NOT_FOUND");
    const single = key({ kind: "personal", workspaceId: null, memberships: [membership("ws_a", true)] });
    expect(code(single, api)).toBe("VALID");
    expect(code(single)).toBe("NOT_FOUND"); // its one workspace requires a verifier key
    const removed = key({ kind: "personal", workspaceId: null, memberships: [] });
    expect(code(removed, api)).toBe("DISABLED");
    expect(code(removed, { ...api, workspaceHint: "ws_a" })).toBe("DISABLED");
    expect(code(removed)).toBe("DISABLED");
    expect(code(removed, { now: 1_000, caller: { kind: "anonymous" }, workspaceHint: "ws_a" })).toBe("DISABLED");
  });
});
