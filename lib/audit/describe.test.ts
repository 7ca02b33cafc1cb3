import { describe, expect, it } from "vitest";
import { AUDIT_ACTION_LABELS, auditSummary, auditTargetLabel, formatDuration } from "./describe";
import { AUDIT_ACTIONS } from "./record";

describe("audit descriptions", () => {
  it("labels every action", () => {
    for (const action of AUDIT_ACTIONS) expect(AUDIT_ACTION_LABELS[action]).toMatch(/^[A-Z]/);
  });

  it("names targets from what the event recorded", () => {
    expect(auditTargetLabel("key", { name: "Billing" })).toBe("Billing");
    expect(auditTargetLabel("key", { personal: true })).toBe("Personal key");
    expect(auditTargetLabel("member", { email: "a@b.test", role: "admin" })).toBe("a@b.test");
    expect(auditTargetLabel("invitation", { email: "c@d.test" })).toBe("c@d.test");
    expect(auditTargetLabel("workspace", { name: { from: "A", to: "B" } })).toBe("Workspace");
    expect(auditTargetLabel("key", null)).toBeNull();
    expect(auditTargetLabel(null, { name: "x" })).toBeNull();
  });

  it("summarises what changed", () => {
    expect(auditSummary("key.created", { environment: "live", scopes: ["keys.read", "audit.read"] })).toBe(
      "Live key with scopes keys.read, audit.read",
    );
    expect(auditSummary("key.created", { environment: "test", scopes: [] })).toBe("Test key with no scopes");
    expect(auditSummary("key.created", { environment: "live", scopes: ["tasks.read"], imported: true })).toBe(
      "Live key imported with scopes tasks.read",
    );
    expect(auditSummary("key.created", { scopes: ["a.read", "b.read", "c.read", "d.read", "e.read"] })).toBe(
      "Key with scopes a.read, b.read, c.read and 2 more",
    );
    expect(auditSummary("key.updated", { name: "x", changed: ["name", "scopes"] })).toBe("Changed name, scopes");
    expect(auditSummary("key.rotated", { graceSeconds: 3600 })).toBe("Grace period 1 hour");
    expect(auditSummary("key.rotated", { graceSeconds: 0 })).toBe("No grace period");
    expect(auditSummary("key.rotated", { graceSeconds: 0, expiry: "keep" })).toBe("No grace period");
    expect(auditSummary("key.rotated", { graceSeconds: 3600, expiry: "renew" })).toBe(
      "Grace period 1 hour; fresh expiry window",
    );
    expect(auditSummary("key.revoked", { name: "x" })).toBeNull();
    expect(
      auditSummary("key.leaked", {
        name: "x",
        source: "GitHub secret scanning",
        url: "https://github.com/acme/app/blob/main/.env",
        response: "revoked",
      }),
    ).toBe("Reported by GitHub secret scanning at https://github.com/acme/app/blob/main/.env; revoked");
    expect(auditSummary("key.leaked", { name: "x", source: null, url: null, response: "disabled" })).toBe(
      "Reported by an unnamed reporter; disabled",
    );
    expect(auditSummary("member.role_changed", { email: "a@b.test", from: "member", to: "admin" })).toBe(
      "a@b.test: member → admin",
    );
    expect(auditSummary("member.removed", { email: "a@b.test", left: true })).toBe("a@b.test left");
    expect(auditSummary("workspace.settings_changed", { name: {}, keyPrefix: {} })).toBe("Changed name, keyPrefix");
    expect(auditSummary("workspace.created", null)).toBeNull();
  });

  it("summarises warnings before expiry and keys disabled for being unused", () => {
    expect(auditSummary("key.expiring", { name: "x", daysLeft: 7, expiresAt: "2026-03-08T12:00:00.000Z" })).toBe(
      "Expires in 7 days",
    );
    expect(auditSummary("key.expiring", { name: "x", daysLeft: 1 })).toBe("Expires within a day");
    const unused = { name: "x", changed: ["enabled"], enabled: false, reason: "unused", unusedDays: 30 };
    expect(auditSummary("key.updated", { ...unused, neverUsed: true })).toBe("Disabled: never used in 30 days");
    expect(auditSummary("key.updated", { ...unused, neverUsed: false })).toBe("Disabled: unused for 30 days");
    expect(auditSummary("workspace.settings_changed", { maxKeyLifetimeDays: { from: null, to: 30 } })).toBe(
      "Changed maxKeyLifetimeDays",
    );
  });

  it("formats grace periods", () => {
    expect(formatDuration(90)).toBe("90 seconds");
    expect(formatDuration(7 * 86_400)).toBe("7 days");
    expect(formatDuration(1800)).toBe("30 minutes");
  });
});
