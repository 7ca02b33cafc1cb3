import { describe, expect, it } from "vitest";
import { decodeInvalidation, encodeInvalidation } from "./invalidation-message";
import type { Invalidation } from "./key-cache";

describe("invalidation messages", () => {
  it("round-trips every kind of change with its sender", () => {
    const events: Invalidation[] = [
      { type: "key", keyId: "key_abc" },
      { type: "user", userId: "usr_abc" },
      { type: "workspace", workspaceId: "ws_abc" },
      { type: "all" },
    ];
    for (const event of events) {
      expect(decodeInvalidation(encodeInvalidation("instance-1", event))).toEqual({ origin: "instance-1", event });
    }
  });

  it("carries only the kind and the id, in a few dozen bytes", () => {
    const payload = encodeInvalidation("abcdefghijkl", { type: "key", keyId: "key_01JD8Z6Q7R5S4T3V2W1X0Y9Z8A" });
    expect(JSON.parse(payload)).toEqual({ o: "abcdefghijkl", t: "key", id: "key_01JD8Z6Q7R5S4T3V2W1X0Y9Z8A" });
    expect(payload.length).toBeLessThan(100);
  });

  it("ignores anything else on the channel", () => {
    for (const payload of [
      "",
      "not json",
      "42",
      JSON.stringify({ o: "x", t: "key" }),
      JSON.stringify({ o: "x", t: "secret", id: "y" }),
      JSON.stringify({ o: "x", t: "key", id: "y", hash: "z" }),
    ]) {
      expect(decodeInvalidation(payload)).toBeNull();
    }
  });
});
