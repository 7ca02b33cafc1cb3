import { describe, expect, it } from "vitest";
import {
  passwordResetWait,
  RESET_REQUESTS_PER_ADDRESS,
  RESET_REQUESTS_PER_EMAIL,
  RESET_WINDOW_MS,
} from "./password-reset-limit";

describe("password-reset request limit", () => {
  it("allows 5 per email (whatever its case) in 15 minutes, then makes the sender wait", () => {
    const now = 1_000_000;
    for (let i = 0; i < RESET_REQUESTS_PER_EMAIL; i++)
      expect(passwordResetWait(`10.0.0.${i}`, "Ann@Example.com", now)).toBe(0);
    expect(passwordResetWait("10.0.1.1", "ann@example.com ", now + 1000)).toBe(RESET_WINDOW_MS - 1000);
    expect(passwordResetWait("10.0.1.1", "ann@example.com", now + RESET_WINDOW_MS)).toBe(0);
  });

  it("allows 20 per address across emails", () => {
    const now = 5_000_000;
    for (let i = 0; i < RESET_REQUESTS_PER_ADDRESS; i++)
      expect(passwordResetWait("10.9.9.9", `u${i}@example.com`, now)).toBe(0);
    expect(passwordResetWait("10.9.9.9", "someone-new@example.com", now)).toBeGreaterThan(0);
    expect(passwordResetWait("10.9.9.8", "someone-else@example.com", now)).toBe(0);
  });
});
