import { describe, expect, it } from "vitest";
import { openDatabase } from "./client";
import { describeDatabaseError, isDataException, postgresError } from "./errors";

describe("postgresError", () => {
  it("finds PostgreSQL's code and message under Prisma's errors, for queries and raw SQL", async () => {
    const database = await openDatabase({ dataDir: "memory://" });
    try {
      const fromQuery = await database.db.apiKey.findFirst({ where: { id: "a\u0000b" } }).catch((e: unknown) => e);
      expect(postgresError(fromQuery)).toEqual({ code: "22021", message: expect.stringContaining("0x00") });
      const fromRaw = await database.db
        .$queryRawUnsafe("select $1::timestamptz", "0000-01-01")
        .catch((e: unknown) => e);
      const raw = postgresError(fromRaw);
      expect(raw?.code).toMatch(/^22/);
      expect(raw && isDataException(raw)).toBe(true);
      const missing = await database.db.$queryRawUnsafe("select * from no_such_table").catch((e: unknown) => e);
      expect(postgresError(missing)).toMatchObject({ code: "42P01" });
      expect(isDataException(postgresError(missing)!)).toBe(false);
    } finally {
      await database.close();
    }
  });

  it("is null for errors that are not the database's", () => {
    expect(postgresError(new Error("boom"))).toBeNull();
    expect(postgresError(Object.assign(new Error("x"), { code: "ENOENT" }))).toBeNull();
    expect(postgresError(null)).toBeNull();
  });
});

describe("describeDatabaseError", () => {
  it("gives PostgreSQL's words for raw statements, which Prisma reports as 'Message: undefined'", async () => {
    const database = await openDatabase({ dataDir: "memory://" });
    try {
      const twice = await database.db
        .$executeRawUnsafe(
          `INSERT INTO "key_usage_bucket" ("keyId", "hour", "success", "failure")
           VALUES ('k', '2026-01-01T00:00:00Z', 1, 0), ('k', '2026-01-01T00:00:00Z', 1, 0)
           ON CONFLICT ("keyId", "hour") DO UPDATE SET "success" = EXCLUDED."success"`,
        )
        .catch((e: unknown) => e);
      expect(describeDatabaseError(twice)).toMatch(/cannot affect row a second time \(SQLSTATE 21000\)$/);
    } finally {
      await database.close();
    }
  });

  it("is the message of any other error", () => {
    expect(describeDatabaseError(new Error("boom"))).toBe("boom");
  });
});
