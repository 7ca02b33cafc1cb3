import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { messages } from "@electric-sql/pglite";
import { afterEach, describe, expect, it } from "vitest";
import { PGliteThread } from "./pglite-thread";

const open: PGliteThread[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.close()));
});

async function start(dataDir = "memory://"): Promise<PGliteThread> {
  const db = new PGliteThread(dataDir);
  open.push(db);
  await db.waitReady;
  return db;
}

describe("PGliteThread", () => {
  it("answers parameterised queries, arrays included, as PGlite does in this thread", async () => {
    const db = await start();
    await db.exec("CREATE TABLE t (id text PRIMARY KEY, n int, at timestamptz)");
    await db.query("INSERT INTO t SELECT * FROM unnest($1::text[], $2::int[], $3::timestamptz[])", [
      ["a", "b"],
      [1, 2],
      ["2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z"],
    ]);
    const { rows } = await db.query<{ id: string; n: number; at: Date }>("SELECT * FROM t WHERE n > $1", [1]);
    expect(rows).toEqual([{ id: "b", n: 2, at: new Date("2026-01-02T00:00:00Z") }]);
  });

  it("throws SQL errors as PGlite's DatabaseError with their fields, and keeps serving", async () => {
    const db = await start();
    await db.exec("CREATE TABLE t (id text CONSTRAINT t_pkey PRIMARY KEY)");
    await db.query("INSERT INTO t VALUES ($1)", ["a"]);
    const failure = await db.query("INSERT INTO t VALUES ($1)", ["a"]).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(messages.DatabaseError);
    expect(failure).toMatchObject({ code: "23505", constraint: "t_pkey", table: "t" });
    expect((await db.query("SELECT count(*)::int AS n FROM t")).rows).toEqual([{ n: 1 }]);
  });

  it("reports errors of every step of a statement (parse, bind, execute) and stays usable", async () => {
    const db = await start();
    await expect(db.query("SELEC 1")).rejects.toMatchObject({ code: "42601" });
    await expect(db.query("SELECT $1::int AS n", ["not a number"])).rejects.toMatchObject({ code: "22P02" });
    await expect(db.query("SELECT 1 / $1::int AS n", [0])).rejects.toMatchObject({ code: "22012" });
    expect((await db.query("SELECT $1::int AS n", [7])).rows).toEqual([{ n: 7 }]);
  });

  it("rolls a failed transaction back whole", async () => {
    const db = await start();
    await db.exec("CREATE TABLE t (id text PRIMARY KEY)");
    const failed = db.transaction(async (tx) => {
      await tx.query("INSERT INTO t VALUES ('a')");
      await tx.query("INSERT INTO t VALUES ('a')");
    });
    await expect(failed).rejects.toMatchObject({ code: "23505" });
    expect((await db.query("SELECT count(*)::int AS n FROM t")).rows).toEqual([{ n: 0 }]);
  });

  it("keeps its data across a close and a reopen of the folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), "keysmith-thread-"));
    const first = await start(dir);
    await first.exec("CREATE TABLE t (id text); INSERT INTO t VALUES ('kept')");
    await first.close();
    await expect(first.query("SELECT 1")).rejects.toThrow("the embedded database is closed");
    const second = await start(dir);
    expect((await second.query("SELECT id FROM t")).rows).toEqual([{ id: "kept" }]);
  });

  it("fails the query in flight and every later one when its thread ends, instead of waiting forever", async () => {
    const db = await start();
    const inFlight = db.query("SELECT pg_sleep(2)");
    await new Promise((resolve) => setTimeout(resolve, 200));
    // The thread ending under a query, as a crash of the WebAssembly module would end it.
    await db["worker"].terminate();
    await expect(inFlight).rejects.toThrow(/^the embedded database thread failed: it exited with code 1$/);
    await expect(db.query("SELECT 1")).rejects.toThrow(/^the embedded database thread failed/);
    expect(db.closed).toBe(true);
  });

  it("fails to open with PGlite's own words, instead of waiting forever", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "keysmith-thread-")), "not-a-folder");
    writeFileSync(file, "");
    const db = new PGliteThread(file);
    open.push(db);
    const failure = await db.waitReady.catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    // PGlite's own words, as it would have thrown them in this thread.
    expect(String(failure)).toMatch(/^ExitStatus: Program terminated/);
    await expect(db.query("SELECT 1")).rejects.toBe(failure);
  });
});
