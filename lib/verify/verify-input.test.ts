import { describe, expect, it } from "vitest";
import { ApiError } from "../api/errors";
import { parseJsonText } from "../api/request";
import { verifyKeySchema } from "../api/schemas/keys";
import { parseVerifyInput } from "./verify-input";

const JSON_TYPE = "application/json";

function outcome(fn: () => unknown) {
  try {
    return { ok: fn() };
  } catch (error) {
    return { error: error instanceof ApiError ? [error.code, error.message] : String(error) };
  }
}

describe("parseVerifyInput", () => {
  // The shortcut must agree with the schema on every body, accepted or refused.
  it.each([
    '{"key":"sk_live_abc"}',
    '{"key":""}',
    `{"key":"${"x".repeat(512)}"}`,
    `{"key":"${"x".repeat(513)}"}`,
    '{"key":5}',
    '{"key":"a","ip":"10.0.0.1"}',
    '{"key":"a","ip":"nope"}',
    '{"key":"a","requiredScopes":["keys.read"]}',
    '{"key":"a","extra":1}',
    '{"extra":1}',
    "{}",
    "[]",
    '["key"]',
    "null",
    '"key"',
    "{nope",
    // The shape the shortcut recognises, and texts one character away from it.
    '{"key":"sk_live_4hd8Wq2Lx0cP7mRv9TnB3kZs6YjA1uE5"}',
    '{"key":"a-b_C9"}',
    `{"key":"${"x".repeat(511)}-"}`,
    `{"key":"${"x".repeat(512)}-"}`,
    '{"key":"sk\\u005flive"}',
    '{"key":"a\\"b"}',
    '{"key":"a b"}',
    '{"key":"a\u0000b"}',
    '{"key":"a\u00e9"}',
    '{"key":"a"} ',
    ' {"key":"a"}',
    '{"key": "a"}',
    '{"key":"a"',
    '{"key":"a""}',
    '{"key":"}',
    '{"key":""}',
    '{"key":"a","key":"b"}',
  ])("%s", (text) => {
    expect(outcome(() => parseVerifyInput(text, JSON_TYPE))).toEqual(
      outcome(() => parseJsonText(text, JSON_TYPE, verifyKeySchema)),
    );
  });

  it("agrees with the schema on random texts around the recognised shape", () => {
    const pieces = ['{"key":"', '"}', "a", "Z", "0", "_", "-", '"', "\\", " ", ",", ":", "{", "}", "é", "\u0000"];
    for (let i = 0; i < 5_000; i++) {
      let text = i % 2 ? '{"key":"' : "";
      for (let n = Math.floor(Math.random() * 8); n > 0; n--) text += pieces[Math.floor(Math.random() * pieces.length)];
      if (i % 3) text += '"}';
      expect(
        outcome(() => parseVerifyInput(text, JSON_TYPE)),
        text,
      ).toEqual(outcome(() => parseJsonText(text, JSON_TYPE, verifyKeySchema)));
    }
  });

  it("still checks the content type", () => {
    expect(() => parseVerifyInput('{"key":"a"}', "text/plain")).toThrow(ApiError);
    expect(() => parseVerifyInput('{"key":"a"}', null)).toThrow(ApiError);
  });
});
