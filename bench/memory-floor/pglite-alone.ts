import { join } from "node:path";
import { applyMigrations, readMigrations } from "../../lib/db/migrate";
import { openPGlite, pgliteRunner } from "../../lib/db/pglite";
import { announceReady } from "./ready";

/**
 * The embedded database's share of Keysmith's memory: a Node process that opens PGlite
 * exactly as Keysmith does (its settings and extensions), applies Keysmith's migrations,
 * answers one query, then idles. Argument: the data folder.
 */
const dataDir = process.argv[2];
if (!dataDir) throw new Error("usage: pglite-alone.ts <data folder>");
const pglite = openPGlite(dataDir);
await applyMigrations(pgliteRunner(pglite), readMigrations(join(process.cwd(), "prisma", "migrations")));
await pglite.query("SELECT count(*) FROM api_key");
announceReady();
