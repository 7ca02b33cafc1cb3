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
  ])("%s", (text) => {
    expect(outcome(() => parseVerifyInput(text, JSON_TYPE))).toEqual(
      outcome(() => parseJsonText(text, JSON_TYPE, verifyKeySchema)),
    );
  });

  it("still checks the content type", () => {
    expect(() => parseVerifyInput('{"key":"a"}', "text/plain")).toThrow(ApiError);
    expect(() => parseVerifyInput('{"key":"a"}', null)).toThrow(ApiError);
  });
});
