import { describe, expect, it } from "vitest";
import {
  assignableRoles,
  canLeave,
  canRemove,
  countOwners,
  invitableRoles,
  roleChangeNeedsConfirmation,
} from "./permissions";

const owner = { userId: "u-owner", role: "owner" as const };
const admin = { userId: "u-admin", role: "admin" as const };
const member = { userId: "u-member", role: "member" as const };
const otherOwner = { userId: "u-owner-2", role: "owner" as const };

describe("members page permissions", () => {
  it("only admins and owners invite; only owners invite owners", () => {
    expect(invitableRoles("owner")).toEqual(["owner", "admin", "member"]);
    expect(invitableRoles("admin")).toEqual(["admin", "member"]);
    expect(invitableRoles("member")).toEqual([]);
  });

  it("members change no roles; admins change admins and members but never owners", () => {
    expect(assignableRoles(member, admin, 1)).toEqual([]);
    expect(assignableRoles(admin, member, 1)).toEqual(["admin", "member"]);
    expect(assignableRoles(admin, admin, 1)).toEqual(["admin", "member"]);
    expect(assignableRoles(admin, owner, 2)).toEqual([]);
  });

  it("owners change owners, except the last one", () => {
    expect(assignableRoles(owner, otherOwner, 2)).toEqual(["owner", "admin", "member"]);
    expect(assignableRoles(owner, owner, 1)).toEqual([]);
  });

  it("removing: never yourself (that is leaving), owners only by owners, members never", () => {
    expect(canRemove(owner, owner, 2)).toBe(false);
    expect(canRemove(member, admin, 1)).toBe(false);
    expect(canRemove(admin, member, 1)).toBe(true);
    expect(canRemove(admin, otherOwner, 2)).toBe(false);
    expect(canRemove(owner, otherOwner, 2)).toBe(true);
  });

  it("the last owner cannot leave; anyone else can", () => {
    expect(canLeave(owner, 1)).toBe(false);
    expect(canLeave(owner, 2)).toBe(true);
    expect(canLeave(member, 1)).toBe(true);
  });

  it("confirms demoting yourself or an admin, and making an owner", () => {
    expect(roleChangeNeedsConfirmation(admin, admin, "member")).toBe(true);
    expect(roleChangeNeedsConfirmation(owner, { userId: "x", role: "admin" }, "member")).toBe(true);
    expect(roleChangeNeedsConfirmation(owner, otherOwner, "admin")).toBe(true);
    expect(roleChangeNeedsConfirmation(owner, member, "owner")).toBe(true);
    expect(roleChangeNeedsConfirmation(owner, member, "admin")).toBe(false);
  });

  it("counts owners", () => {
    expect(countOwners([owner, admin, otherOwner])).toBe(2);
  });
});
