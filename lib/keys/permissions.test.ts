import { describe, expect, it } from "vitest";
import { roleCeiling } from "../auth/scopes";
import { canCreateKeys, canManageKey, scopesBeyond, viewerOf } from "./permissions";

const open = { keyCreation: "members" } as const;
const admin = viewerOf({ userId: "u-admin", role: "admin", scopes: roleCeiling("admin", []), workspace: open });
const member = viewerOf({ userId: "u-member", role: "member", scopes: roleCeiling("member", []), workspace: open });

describe("canManageKey (the one rule the API and the dashboard both read)", () => {
  it("keys.write manages every key, created by anyone or by no one still here", () => {
    expect(canManageKey(admin, "u-someone")).toBe(true);
    expect(canManageKey(admin, null)).toBe(true);
  });

  it("without keys.write, a user manages only the keys they created", () => {
    expect(canManageKey(member, "u-member")).toBe(true);
    expect(canManageKey(member, "u-admin")).toBe(false);
    expect(canManageKey(member, null)).toBe(false);
    expect(canManageKey(member, undefined)).toBe(false);
  });

  it("an API key never manages its creator's keys as its creator would", () => {
    const key = { type: "key" as const, userId: "u-member", scopes: ["keys.read"] };
    expect(canManageKey(key, "u-member")).toBe(false);
    expect(canManageKey({ ...key, scopes: ["keys.read", "keys.write"] }, "u-other")).toBe(true);
  });

  it("a viewer is a user holding their role's ceiling", () => {
    expect(member).toMatchObject({ type: "user", userId: "u-member", role: "member" });
    expect(member.scopes).not.toContain("keys.write");
    expect(admin.scopes).toContain("keys.write");
  });
});

describe("scopesBeyond", () => {
  it("names the scopes the actor does not hold", () => {
    expect(scopesBeyond(member, ["keys.read", "keys.write", "members.write"])).toEqual(["keys.write", "members.write"]);
    expect(scopesBeyond(admin, ["keys.write"])).toEqual([]);
  });
});

describe("canCreateKeys (the workspace's keyCreation setting)", () => {
  it("by default every role may create keys", () => {
    for (const role of ["owner", "admin", "member"] as const) {
      expect(canCreateKeys(role, { keyCreation: "members" })).toBe(true);
    }
  });

  it('with "admins", owners and admins may and members may not', () => {
    expect(canCreateKeys("owner", { keyCreation: "admins" })).toBe(true);
    expect(canCreateKeys("admin", { keyCreation: "admins" })).toBe(true);
    expect(canCreateKeys("member", { keyCreation: "admins" })).toBe(false);
  });

  it("the dashboard's viewer carries the answer for the create button", () => {
    expect(member.canCreateKeys).toBe(true);
    const closed = { keyCreation: "admins" } as const;
    const scopes = roleCeiling("member", []);
    expect(viewerOf({ userId: "u-member", role: "member", scopes, workspace: closed }).canCreateKeys).toBe(false);
    expect(viewerOf({ userId: "u-admin", role: "admin", scopes, workspace: closed }).canCreateKeys).toBe(true);
  });
});
