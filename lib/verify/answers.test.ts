import { describe, expect, it } from "vitest";
import { keyState, membershipIn } from "../keys/key-state.fixture";
import { emptyAnswerSlots, keyAnswer } from "./answers";

describe("keyAnswer", () => {
  it("gives each outcome its own answer, built once, however the outcomes alternate", () => {
    const [inA, inB] = [membershipIn("ws_a"), membershipIn("ws_b")];
    const key = { state: keyState({ kind: "organization", memberships: [inA, inB] }), answers: emptyAnswerSlots() };
    const outcomes = [
      ["VALID", inA],
      ["VALID", inB],
      ["INSUFFICIENT_SCOPE", inA],
      ["REVOKED", null],
      ["VALID", inA],
      ["VALID", inA],
      ["INSUFFICIENT_SCOPE", inB],
      ["VALID", inB],
      ["REVOKED", null],
    ] as const;
    const first = new Map<string, unknown>();
    for (const [code, membership] of outcomes) {
      const answer = keyAnswer(key, code, membership);
      expect(answer.result).toMatchObject({
        code,
        valid: code === "VALID",
        workspaceId: membership?.workspace.id ?? "ws_a",
        scopes: code === "VALID" ? ["keys.read"] : [],
      });
      expect(JSON.parse(answer.json)).toEqual(answer.result);
      const outcome = `${code} ${membership?.workspace.id}`;
      if (!first.has(outcome)) first.set(outcome, answer);
      expect(answer).toBe(first.get(outcome));
    }
    expect(first.size).toBe(5);
  });
});
