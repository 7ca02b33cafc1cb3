import { mkdirSync } from "node:fs";
import { hostname } from "node:os";
import { join, resolve } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client";
import { lockDataDir } from "./data-dir-lock";
import { applyMigrations, type Migration, readMigrations, type SqlRunner } from "./migrate";
import { DatabaseOpenError, damagedDataDir, describePostgresUrl, failedMigration, reasonOf } from "./open-error";
import { pgliteRunner } from "./pglite";
import { PGliteThread } from "./pglite-thread";
import { isPostgresUrl } from "./url";

export { isPostgresUrl };

export type Db = PrismaClient;

export interface Database {
  db: PrismaClient;
  backend: "pglite" | "postgres";
  /** For operators' messages: "the embedded database in <folder>", or "PostgreSQL at host:port/db". */
  where: string;
  /** The migrations this build ships (all applied once openDatabase resolves); /api/ready re-checks. */
  migrations: Migration[];
  /** PostgreSQL only: the pool behind Prisma, also used for NOTIFY. */
  pool: pg.Pool | null;
  /** PostgreSQL only: the connection string, for connections outside the pool (LISTEN). */
  url: string | null;
  /** Closes the client and the underlying PGlite instance or pool. */
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** `postgres://…` selects PostgreSQL; anything else (or nothing) the embedded PGlite. */
  url?: string;
  /** PGlite data folder; "memory://" keeps it in memory (tests). */
  dataDir?: string;
  migrationsDir?: string;
  /** PostgreSQL connections per instance (KEYSMITH_DB_POOL_SIZE); default 10. */
  poolSize?: number;
  /** Called with every SQL statement the client sends (metrics count database writes). */
  onQuery?: (sql: string) => void;
}

export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const migrations = readMigrations(
    options.migrationsDir ?? join(/*turbopackIgnore: true*/ process.cwd(), "prisma", "migrations"),
  );
  if (isPostgresUrl(options.url)) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      // Names this instance's connections in pg_stat_activity, for operators.
      application_name: `keysmith ${process.pid}@${hostname()}`.slice(0, 63),
      connectionTimeoutMillis: 10_000,
      keepAlive: true,
    });
    // An idle connection the server drops (restart, pg_terminate_backend) emits here; with no
    // listener Node would treat it as an uncaught error and exit. The pool replaces it.
    pool.on("error", (error) => console.error("[keysmith] idle database connection lost:", error.message));
    const where = describePostgresUrl(options.url);
    const conn = await pool.connect().catch(async (error: unknown) => {
      await pool.end().catch(() => {});
      throw new DatabaseOpenError(`${where} could not be reached (${reasonOf(error)})`, { cause: error });
    });
    try {
      logApplied(await applyMigrations(pgRunner(conn), migrations));
    } catch (error) {
      conn.release();
      await pool.end().catch(() => {});
      throw failedMigration(where, error);
    }
    conn.release();
    const db = createClient(new PrismaPg(pool), options.onQuery);
    return {
      db,
      backend: "postgres",
      where,
      migrations,
      pool,
      url: options.url,
      close: async () => {
        await db.$disconnect();
        await pool.end().catch(() => {});
      },
    };
  }

  const dataDir = options.dataDir ?? ".data/pglite";
  const folder = dataDir.startsWith("memory://") ? null : resolve(/*turbopackIgnore: true*/ dataDir);
  if (folder) mkdirSync(folder, { recursive: true });
  const lock = folder ? lockDataDir(folder) : null;
  const pglite = new PGliteThread(dataDir);
  const where = folder ?? "in memory";
  try {
    await pglite.waitReady;
  } catch (error) {
    lock?.release();
    throw damagedDataDir(where, error);
  }
  try {
    logApplied(await applyMigrations(pgliteRunner(pglite), migrations));
  } catch (error) {
    await pglite.close().catch(() => {});
    lock?.release();
    throw failedMigration(`in ${where}`, error);
  }
  // The adapter uses only PGlite's client half, which the thread offers whole.
  const db = createClient(new PrismaPGlite(pglite as unknown as PGlite), options.onQuery);
  return {
    db,
    backend: "pglite",
    where: folder ? `the embedded database in ${folder}` : "the in-memory database",
    migrations,
    pool: null,
    url: null,
    close: async () => {
      await db.$disconnect();
      if (!pglite.closed) await pglite.close();
      lock?.release();
    },
  };
}

function logApplied(names: string[]): void {
  for (const name of names) console.log(`[keysmith] applied migration ${name}`);
}

function createClient(adapter: PrismaPg | PrismaPGlite, onQuery?: (sql: string) => void): PrismaClient {
  if (!onQuery) return new PrismaClient({ adapter });
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) => onQuery(event.query));
  return client as unknown as PrismaClient;
}

function pgRunner(conn: pg.PoolClient): SqlRunner {
  return {
    exec: async (sql) => {
      await conn.query(sql);
    },
    query: async <T>(sql: string, params?: unknown[]) => (await conn.query(sql, params)).rows as T[],
  };
}
