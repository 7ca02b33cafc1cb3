import { describe, expect, it } from "vitest";
import { ApiError } from "./errors";
import { assertCleanText, isCleanText, uncleanTextField } from "./text";

describe("the text rule", () => {
  it("accepts any well-formed Unicode, emoji and other scripts included", () => {
    for (const text of ["", "Billing key", "Zürich 東京 🔑", "\u2028 line separator", "tab\tand\nnewline"]) {
      expect(isCleanText(text), text).toBe(true);
    }
  });

  it("refuses NUL and lone surrogates", () => {
    for (const text of ["\u0000", "a\u0000b", "\ud800", "x\udfffy", "\ud83d"]) expect(isCleanText(text)).toBe(false);
  });

  it("names the field at any depth, or the object holding a bad field name", () => {
    expect(uncleanTextField({ name: "ok", scopes: ["keys.read", "\u0000"] })).toMatchObject({ field: "scopes.1" });
    expect(uncleanTextField({ nested: { "\ud800": 1 } })).toMatchObject({ field: "nested" });
    expect(uncleanTextField("\u0000", "cursor")).toMatchObject({ field: "cursor" });
    expect(uncleanTextField({ name: "ok", count: 3, on: true, none: null })).toBeNull();
  });

  it("throws a 400 naming the field", () => {
    try {
      assertCleanText({ name: "a\u0000" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).status).toBe(400);
      expect((error as ApiError).details).toEqual({ issues: [{ field: "name", message: expect.any(String) }] });
    }
  });
});
