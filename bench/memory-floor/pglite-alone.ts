import { join } from "node:path";
import { applyMigrations, readMigrations } from "../../lib/db/migrate";
import { openPGlite, pgliteRunner } from "../../lib/db/pglite";
import { PGliteThread } from "../../lib/db/pglite-thread";
import { announceReady } from "./ready";

/**
 * The embedded database's share of Keysmith's memory: a Node process that opens PGlite
 * with Keysmith's settings and extensions, applies Keysmith's migrations, answers one
 * query, then idles. Arguments: the data folder, and `thread` to open it in a worker thread
 * as Keysmith does (lib/db/pglite-thread.ts) or `inline` to open it in the process's own
 * thread, the smallest way PGlite runs.
 */
const [dataDir, where] = process.argv.slice(2);
if (!dataDir || (where !== "thread" && where !== "inline")) {
  throw new Error("usage: pglite-alone.ts <data folder> thread|inline");
}
const pglite = where === "thread" ? new PGliteThread(dataDir) : openPGlite(dataDir);
await pglite.waitReady;
await applyMigrations(pgliteRunner(pglite), readMigrations(join(process.cwd(), "prisma", "migrations")));
await pglite.query("SELECT count(*) FROM api_key");
// Held for as long as the process lives: an instance nothing refers to any more is garbage,
// and V8's first idle collection would take the database and its memory away.
(globalThis as { pglite?: unknown }).pglite = pglite;
announceReady();
