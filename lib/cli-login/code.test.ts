import { describe, expect, it } from "vitest";
import { newLoginCode, newPollToken, normaliseLoginCode } from "./code";

describe("login codes", () => {
  it("look like ABCD-EFGH, in consonants only", () => {
    for (let i = 0; i < 200; i++)
      expect(newLoginCode()).toMatch(/^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/);
  });

  it("are read back however they were typed, and nothing else is taken for one", () => {
    const code = newLoginCode();
    expect(normaliseLoginCode(code)).toBe(code);
    expect(normaliseLoginCode(code.toLowerCase())).toBe(code);
    expect(normaliseLoginCode(code.replace("-", " "))).toBe(code);
    expect(normaliseLoginCode(code.replace("-", ""))).toBe(code);
    for (const bad of ["", "BCDF-GHJ", "BCDF-GHJKL", "ABCD-EFGH", "BCDF-GHJ0", "BCDF_GHJK", "BCDF-GHJK\u0000"]) {
      expect(normaliseLoginCode(bad), bad).toBeNull();
    }
  });

  it("poll tokens are long, random and distinct", () => {
    const tokens = new Set(Array.from({ length: 100 }, newPollToken));
    expect(tokens.size).toBe(100);
    for (const token of tokens) expect(token).toMatch(/^kspoll_[0-9A-Za-z]{43}$/);
  });
});
