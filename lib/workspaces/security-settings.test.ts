import { describe, expect, it } from "vitest";
import { changesSecurity } from "./security-settings";

const before = {
  allowKeyMinting: false,
  requireVerifierKey: false,
  keyCreation: "members",
  requireTwoFactor: false,
  leakResponse: "revoke",
  customScopes: ["a.read"],
};

describe("changesSecurity", () => {
  it("is true when a security setting changes or a custom scope is added", () => {
    expect(changesSecurity(before, { allowKeyMinting: true })).toBe(true);
    expect(changesSecurity(before, { requireVerifierKey: true })).toBe(true);
    expect(changesSecurity(before, { keyCreation: "admins" })).toBe(true);
    expect(changesSecurity(before, { requireTwoFactor: true })).toBe(true);
    expect(changesSecurity(before, { leakResponse: "disable" })).toBe(true);
    expect(changesSecurity(before, { customScopes: ["a.read", "b.write"] })).toBe(true);
  });

  it("is false for a setting sent unchanged, a scope removed, or other fields", () => {
    expect(changesSecurity(before, { allowKeyMinting: false, keyCreation: "members" })).toBe(false);
    expect(changesSecurity(before, { customScopes: [] })).toBe(false);
    expect(changesSecurity(before, {})).toBe(false);
  });
});
