import { closeSync, cpSync, mkdtempSync, openSync, readdirSync, truncateSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../../lib/db/client";
import { freePort, refusedStart, signUpOn, startServer } from "../support/server";
import { expect, test } from "../support/test";

/** A data folder holding a user, a workspace and one key, written by a real server and stopped. */
async function populatedDataDir(): Promise<{ dataDir: string; key: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), "keysmith-damaged-"));
  const server = await startServer(await freePort(), { KEYSMITH_DATA_DIR: dataDir });
  try {
    const { post } = await signUpOn(server.url, "Damage Test", "damage@example.com");
    expect((await post("/api/v1/workspaces", { name: "Damage", slug: "damage" })).status).toBe(201);
    const created = await post("/api/v1/keys", { name: "Soon unreadable" });
    expect(created.status).toBe(201);
    return { dataDir, key: (await created.json()).key };
  } finally {
    expect(await server.stop()).toBe(0);
  }
}

/** What the operator sees: one line naming the folder and pointing at the README, no stack trace. */
function expectOneLineNamingTheFolder(output: string, folder: string) {
  const lines = output.split("\n").filter((line) => line.trim() !== "");
  expect(lines, output.slice(0, 2000)).toHaveLength(1);
  expect(lines[0]).toContain(`the embedded database in ${folder} could not be opened`);
  expect(lines[0]).toContain('"Back up and restore"');
}

test.describe("a damaged embedded database", () => {
  test("a truncated control file or WAL stops start-up with one line naming the folder and what to do", async () => {
    test.setTimeout(120_000);
    const { dataDir } = await populatedDataDir();
    const walDir = mkdtempSync(join(tmpdir(), "keysmith-damaged-wal-"));
    cpSync(dataDir, walDir, { recursive: true });

    truncateSync(join(dataDir, "pglite", "global", "pg_control"), 100);
    const noControl = await refusedStart({ KEYSMITH_DATA_DIR: dataDir });
    expect(noControl.code).toBe(1);
    expectOneLineNamingTheFolder(noControl.output, join(dataDir, "pglite"));

    const wal = join(walDir, "pglite", "pg_wal");
    for (const segment of readdirSync(wal).filter((name) => /^[0-9A-F]{24}$/.test(name))) {
      truncateSync(join(wal, segment), 1000);
    }
    const noWal = await refusedStart({ KEYSMITH_DATA_DIR: walDir });
    expect(noWal.code).toBe(1);
    expectOneLineNamingTheFolder(noWal.output, join(walDir, "pglite"));
  });

  test("a damaged key table stops start-up with one line saying what PostgreSQL said", async () => {
    test.setTimeout(120_000);
    const { dataDir, key } = await populatedDataDir();
    const folder = join(dataDir, "pglite");
    const database = await openDatabase({ dataDir: folder });
    const [{ path }] = await database.db.$queryRaw<{ path: string }[]>`SELECT pg_relation_filepath('api_key') AS path`;
    await database.close();
    const file = openSync(join(folder, path), "r+");
    writeSync(file, Buffer.alloc(8192, 0x41), 0, 8192, 0);
    closeSync(file);

    const refused = await refusedStart({ KEYSMITH_DATA_DIR: dataDir });
    expect(refused.code).toBe(1);
    const lines = refused.output.split("\n").filter((line) => line.trim() !== "");
    expect(lines, refused.output.slice(0, 2000)).toHaveLength(1);
    expect(lines[0]).toContain(
      `the embedded database in ${folder} opened, but its key table cannot be read (XX001: invalid page in block 0 of relation`,
    );
    expect(lines[0]).toContain('"Back up and restore"');
    expect(refused.output).not.toContain(key);
  });
});
