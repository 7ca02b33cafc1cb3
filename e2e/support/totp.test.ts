import { describe, expect, it } from "vitest";
import { totpCode } from "./totp";

// RFC 6238 appendix B (SHA-1), last six digits: the tests' codes are the ones an app would show.
describe("totpCode", () => {
  const secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"; // "12345678901234567890"
  it.each([
    [59, "287082"],
    [1111111109, "081804"],
    [1234567890, "005924"],
    [2000000000, "279037"],
  ])("at %i s is %s", (seconds, code) => {
    expect(totpCode(secret, seconds * 1000)).toBe(code);
  });
});
