import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../db/client";
import { disableUnusedKeys } from "./unused-key-sweeper";

const DAY = 24 * 60 * 60 * 1000;
const now = new Date("2026-06-01T12:00:00.000Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);

/** The "disable unused keys" policy against a real embedded database: which keys it switches off. */
describe("disableUnusedKeys", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ dataDir: "memory://" });
    const { db } = database;
    await db.user.create({ data: { id: "usr_1", name: "U", email: "u@example.com" } });
    await db.org.create({ data: { id: "org_1", name: "Org", slug: "org" } });
    await db.organization.create({
      data: { id: "ws_policy", orgId: "org_1", name: "Strict", slug: "strict", disableUnusedKeysAfterDays: 30 },
    });
    await db.organization.create({ data: { id: "ws_none", orgId: "org_1", name: "Lax", slug: "lax" } });
    const key = (id: string, fields: Record<string, unknown>) =>
      db.apiKey.create({
        data: {
          id,
          name: id,
          environment: "live",
          hash: `hash-${id}`,
          maskedKey: "sk_…",
          createdById: "usr_1",
          workspaceId: "ws_policy",
          createdAt: daysAgo(40),
          ...fields,
        },
      });
    await key("never_used", {});
    await key("used_long_ago", { lastUsedAt: daysAgo(31) });
    await key("used_lately", { lastUsedAt: daysAgo(10) });
    await key("young", { createdAt: daysAgo(5) });
    await key("switched_back_on", { reenabledAt: daysAgo(2) });
    await key("revoked", { revokedAt: daysAgo(35) });
    await key("expired", { expiresAt: daysAgo(1) });
    await key("already_off", { enabled: false });
    await key("personal", { kind: "personal", workspaceId: null });
    await key("other_workspace", { workspaceId: "ws_none" });
  });
  afterAll(() => database.close());

  it("switches off the workspace keys unused for the policy's days, once, each with its audit event", async () => {
    expect(await disableUnusedKeys(database.db, now)).toBe(2);
    const off = await database.db.apiKey.findMany({ where: { enabled: false }, orderBy: { id: "asc" } });
    expect(off.map((k) => k.id)).toEqual(["already_off", "never_used", "used_long_ago"]);
    const events = await database.db.auditEvent.findMany({ orderBy: { targetId: "asc" } });
    expect(events.map((e) => [e.action, e.targetId, e.workspaceId, e.actorType])).toEqual([
      ["key.updated", "never_used", "ws_policy", "key"],
      ["key.updated", "used_long_ago", "ws_policy", "key"],
    ]);
    expect(events[0].metadata).toMatchObject({ reason: "unused", unusedDays: 30, neverUsed: true, enabled: false });
    expect(events[1].metadata).toMatchObject({ neverUsed: false });

    expect(await disableUnusedKeys(database.db, now)).toBe(0);
  });
});
