import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import pg from "pg";
import { settingsExtension } from "../../lib/db/pglite-settings.ts";
import { startPGliteThread } from "../../lib/db/pglite-thread.ts";

/**
 * One measurement for memory.ts, in a fresh bare Node process (`node --expose-gc
 * bench/db-off-thread/pglite-rss.ts <dataDir> <replacements JSON> [thread]`; Node runs
 * the TypeScript itself, so no loader adds to the figure): opens PGlite with pg_trgm and
 * the given startup-argument replacements, in this thread or, with `thread`, as the app
 * does (lib/db/pglite-thread.ts, spoken to with pg), applies Keysmith's migrations, reads a
 * key by hash, settles (2.5 s and a full GC) and prints RSS and the settings as JSON.
 */
const [dataDir, replacementsJson, mode] = process.argv.slice(2);
const replacements = JSON.parse(replacementsJson) as Record<string, string>;
const mb = (bytes: number) => Math.round(bytes / 1048576);
const rssBefore = process.memoryUsage().rss;
const started = performance.now();

interface Session {
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

async function inThisThread(): Promise<Session> {
  const missing: string[] = [];
  const pglite = new PGlite(dataDir, {
    extensions: { pg_trgm, settings: settingsExtension((a) => missing.push(a), replacements) },
  });
  await pglite.waitReady;
  if (missing.length) throw new Error(`not found: ${missing.join(", ")}`);
  return {
    query: async <T>(sql: string, params?: unknown[]) => (await pglite.query<T>(sql, params)).rows,
    exec: async (sql) => void (await pglite.exec(sql)),
    close: () => pglite.close(),
  };
}

/** The app's own path: its thread uses PGLITE_ARGUMENTS, so `replacements` must equal them. */
async function inAThread(): Promise<Session> {
  const thread = await startPGliteThread(dataDir);
  const client = new pg.Client({
    stream: () => thread.connect(),
    user: "postgres",
    password: "-",
    database: "template1",
  });
  await client.connect();
  return {
    query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
    exec: async (sql) => void (await client.query(sql)),
    close: async () => {
      await client.end();
      await thread.close();
    },
  };
}

const session = mode === "thread" ? await inAThread() : await inThisThread();
const openMs = performance.now() - started;
const migrations = join("prisma", "migrations");
const [{ table }] = await session.query<{ table: string | null }>(
  "SELECT to_regclass('public.api_key')::text AS table",
);
if (!table)
  for (const name of readdirSync(migrations).sort())
    await session.exec(readFileSync(join(migrations, name, "migration.sql"), "utf8"));
await session.query(`SELECT * FROM "api_key" WHERE "hash" = $1`, ["x"]);
await new Promise((resolve) => setTimeout(resolve, 2_000));
(globalThis as { gc?: () => void }).gc?.();
await new Promise((resolve) => setTimeout(resolve, 500));
const settings = await session.query<{ name: string; value: string }>(
  `SELECT name, current_setting(name) AS value FROM pg_settings
   WHERE name IN ('shared_buffers', 'wal_buffers', 'max_connections') ORDER BY name`,
);
console.log(
  JSON.stringify({
    settings: Object.fromEntries(settings.map((r) => [r.name, r.value])),
    openMs: Math.round(openMs),
    rssBeforeMb: mb(rssBefore),
    rssMb: mb(process.memoryUsage().rss),
  }),
);
await session.close();
