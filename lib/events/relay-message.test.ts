import { describe, expect, it } from "vitest";
import type { Change } from "./changes";
import { decodeChange, encodeChange } from "./relay-message";

describe("relay messages", () => {
  it("round-trips every kind of change with its sender", () => {
    const changes: Change[] = [
      { type: "key", keyId: "key_abc" },
      { type: "key-created", keyId: "key_abc", hashPrefix: "0123456789abc" },
      { type: "key-created", keyId: "key_abc", hashPrefix: "0123456789abc", importedInto: "ws_abc" },
      { type: "user", userId: "usr_abc" },
      { type: "workspace", workspaceId: "ws_abc" },
      { type: "audit", eventId: "evt_abc", workspaceId: "ws_abc" },
      { type: "all" },
    ];
    for (const change of changes) {
      expect(decodeChange(encodeChange("instance-1", change))).toEqual({ origin: "instance-1", change });
    }
  });

  it("carries only the kind and the id, in a few dozen bytes", () => {
    const payload = encodeChange("abcdefghijkl", { type: "key", keyId: "key_01JD8Z6Q7R5S4T3V2W1X0Y9Z8A" });
    expect(JSON.parse(payload)).toEqual({ o: "abcdefghijkl", t: "key", id: "key_01JD8Z6Q7R5S4T3V2W1X0Y9Z8A" });
    expect(payload.length).toBeLessThan(100);
  });

  it("ignores anything else on the channel, including a whole hash", () => {
    for (const payload of [
      "",
      "not json",
      "42",
      JSON.stringify({ o: "x", t: "key" }),
      JSON.stringify({ o: "x", t: "secret", id: "y" }),
      JSON.stringify({ o: "x", t: "key", id: "y", hash: "z" }),
      JSON.stringify({ o: "x", t: "key-created", id: "y", h: "a".repeat(64) }),
    ]) {
      expect(decodeChange(payload)).toBeNull();
    }
  });
});
