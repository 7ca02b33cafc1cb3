import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../db/client";
import { KEYS_PER_FLUSH, UsageRecorder } from "./usage";

const HOUR = 60 * 60 * 1000;
const t0 = Date.parse("2026-03-01T10:59:58.000Z");

describe("UsageRecorder", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ dataDir: "memory://" });
    const { db } = database;
    await db.user.create({ data: { id: "usr_1", name: "U", email: "u@example.com" } });
    await db.apiKey.create({
      data: { id: "key_1", name: "k", environment: "live", hash: "h1", maskedKey: "sk_…", createdById: "usr_1" },
    });
  });
  afterAll(() => database.close());

  const buckets = () => database.db.keyUsageBucket.findMany({ where: { keyId: "key_1" }, orderBy: { hour: "asc" } });

  it("adds counts per hour across flushes, and keeps the latest successful use", async () => {
    const usage = new UsageRecorder(database.db, 60_000);
    usage.count("key_1", true, t0, "10.0.0.1", "curl/8");
    usage.count("key_1", false, t0 + 1000, "10.0.0.9", "bad/1");
    usage.count("key_1", true, t0 + 3000, "10.0.0.2", "curl/9"); // next hour
    await usage.flush();
    usage.count("key_1", true, t0 + 4000, "10.0.0.3", "curl/9");
    usage.count("key_1", true, t0 - 5000, "10.0.0.0", "old/1"); // late arrival, earlier hour
    await usage.flush();
    await usage.flush(); // nothing pending: writes nothing

    const rows = await buckets();
    expect(rows.map((r) => [r.hour.toISOString(), r.success, r.failure])).toEqual([
      ["2026-03-01T10:00:00.000Z", 2, 1],
      ["2026-03-01T11:00:00.000Z", 2, 0],
    ]);
    const key = await database.db.apiKey.findUniqueOrThrow({ where: { id: "key_1" } });
    expect(key.lastUsedAt?.getTime()).toBe(t0 + 4000);
    expect([key.lastUsedIp, key.lastUsedUserAgent]).toEqual(["10.0.0.3", "curl/9"]);
  });

  it("keeps the counts of a failed flush for the next one", async () => {
    const usage = new UsageRecorder(database.db, 60_000);
    usage.count("key_1", true, t0 + 2 * HOUR, "10.0.0.4", "curl/10");
    usage.count("key_1", false, t0 + 2 * HOUR, "10.0.0.4", "curl/10");
    const realExecute = database.db.$executeRaw;
    database.db.$executeRaw = (() => Promise.reject(new Error("database away"))) as never;
    await expect(usage.flush()).rejects.toThrow("database away");
    database.db.$executeRaw = realExecute;
    usage.count("key_1", true, t0 + 2 * HOUR + 10, "10.0.0.5", "curl/11");
    await usage.flush();
    const rows = await buckets();
    expect(rows.at(-1)).toMatchObject({ hour: new Date("2026-03-01T12:00:00.000Z"), success: 2, failure: 1 });
    const key = await database.db.apiKey.findUniqueOrThrow({ where: { id: "key_1" } });
    expect(key.lastUsedIp).toBe("10.0.0.5");
  });

  it("writes at most KEYS_PER_FLUSH keys per timed flush, the rest at the next, and everything on stop", async () => {
    const usage = new UsageRecorder(database.db, 2_000);
    const keyIds = Array.from({ length: KEYS_PER_FLUSH + 300 }, (_, i) => `busy_${i}`);
    const hour = t0 + 5 * HOUR;
    const written = async () =>
      database.db.keyUsageBucket.aggregate({
        where: { keyId: { startsWith: "busy_" } },
        _count: { keyId: true },
        _sum: { success: true },
      });
    for (const keyId of keyIds) usage.count(keyId, true, hour, "10.0.0.1", "curl/8");
    usage.start();
    await expect.poll(async () => (await written())._count.keyId, { timeout: 5_000 }).toBe(KEYS_PER_FLUSH);
    // Still so well after the first flush wrote its last chunk, before the next flush is due.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await written())._count.keyId).toBe(KEYS_PER_FLUSH);
    await expect.poll(async () => (await written())._count.keyId, { timeout: 5_000 }).toBe(keyIds.length);

    for (const keyId of keyIds) usage.count(keyId, true, hour, "10.0.0.1", "curl/8");
    await usage.stop();
    expect((await written())._sum.success).toBe(2 * keyIds.length);
  });

  it("counts through a record held between uses, and through the key's new record once the held one was dropped", async () => {
    const usage = new UsageRecorder(database.db, 60_000);
    const hour = t0 - 10 * HOUR; // before every other test's uses: the last-used time stays theirs
    const holder = { counter: null };
    const counted = async () =>
      (await database.db.keyUsageBucket.findMany({ where: { keyId: "key_1", hour: new Date(hour - (hour % HOUR)) } }))
        .map((b) => b.success)
        .reduce((sum, n) => sum + n, 0);
    usage.countHeld(holder, "key_1", true, hour, "10.0.0.1", "curl/8");
    const held = holder.counter;
    expect(held).not.toBeNull();
    usage.count("key_1", true, hour, "10.0.0.1", "curl/8"); // the same record, found by id
    await usage.flush();
    usage.countHeld(holder, "key_1", true, hour, "10.0.0.1", "curl/8");
    expect(holder.counter).toBe(held); // a flush resets the record, it does not replace it
    await usage.flush();
    expect(await counted()).toBe(3);
    // Idle for two flushes: the record is dropped; the holder takes a new one at its next use.
    await usage.flush();
    await usage.flush();
    usage.countHeld(holder, "key_1", true, hour, "10.0.0.1", "curl/8");
    expect(holder.counter).not.toBe(held);
    usage.count("key_1", true, hour, "10.0.0.1", "curl/8");
    await usage.flush();
    expect(await counted()).toBe(5);
  });

  it("rewrites a key's last use at most once a minute, unless its address or user agent changes", async () => {
    const usage = new UsageRecorder(database.db, 60_000);
    const lastUsed = async () =>
      (await database.db.apiKey.findUniqueOrThrow({ where: { id: "key_1" } })).lastUsedAt?.getTime();
    const start = t0 + 3 * HOUR;
    for (const [at, ip, written] of [
      [start, "10.0.0.7", start],
      [start + 30_000, "10.0.0.7", start], // same caller, 30 s later: not rewritten
      [start + 40_000, "10.0.0.8", start + 40_000], // another address: rewritten at once
      [start + 70_000, "10.0.0.8", start + 40_000],
      [start + 101_000, "10.0.0.8", start + 101_000], // a minute after the last write
    ] as const) {
      usage.count("key_1", true, at, ip, "curl/12");
      await usage.flush();
      expect(await lastUsed()).toBe(written);
    }
  });
});
