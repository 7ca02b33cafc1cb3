import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type PGliteThread, startPGliteThread } from "./pglite-thread";

const clientOf = (thread: PGliteThread) =>
  new pg.Client({ stream: () => thread.connect(), user: "postgres", password: "any", database: "template1" });

describe("PGlite thread", () => {
  let thread: PGliteThread | null = null;
  afterEach(async () => {
    await thread?.close();
    thread = null;
  });

  it("rolls back what a dropped connection left open, for the next client", async () => {
    thread = await startPGliteThread("memory://");
    const first = clientOf(thread);
    first.on("error", () => {});
    await first.connect();
    await first.query("CREATE TABLE t (x int)");
    await first.query("BEGIN");
    await first.query("INSERT INTO t VALUES (1)");
    (first as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();

    const second = clientOf(thread);
    await second.connect();
    expect((await second.query("SELECT count(*)::int AS n FROM t")).rows).toEqual([{ n: 0 }]);
    await second.query("INSERT INTO t VALUES (2)"); // not inside the dropped transaction
    await second.end();
  });

  it("fails every query with the cause when the thread dies, instead of waiting forever", async () => {
    thread = await startPGliteThread("memory://");
    const client = clientOf(thread);
    const errors: string[] = [];
    client.on("error", (error) => errors.push(error.message));
    await client.connect();
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      // A message type postgres does not know is FATAL: PGlite's postgres exits, the thread ends.
      (client as unknown as { connection: { stream: NodeJS.WritableStream } }).connection.stream.write(
        Buffer.from([0x79, 0, 0, 0, 4]),
      );
      await expect(client.query("SELECT 1")).rejects.toThrow(/embedded database thread failed/);
      const later = clientOf(thread);
      await expect(later.connect()).rejects.toThrow(/embedded database thread failed/);
    } finally {
      logged.mockRestore();
    }
    expect(errors[0]).toMatch(/embedded database thread failed/);
  });
});
