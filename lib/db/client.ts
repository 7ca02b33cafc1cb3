import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client";
import { applyMigrations, readMigrations, type SqlRunner } from "./migrate";

export type Db = PrismaClient;

export interface Database {
  db: PrismaClient;
  backend: "pglite" | "postgres";
  /** Closes the client and the underlying PGlite instance or pool. */
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** `postgres://…` selects PostgreSQL; anything else (or nothing) the embedded PGlite. */
  url?: string;
  /** PGlite data folder; "memory://" keeps it in memory (tests). */
  dataDir?: string;
  migrationsDir?: string;
  /** Called with every SQL statement the client sends (metrics count database writes). */
  onQuery?: (sql: string) => void;
}

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//.test(url) && !url.includes("@localhost/pglite");
}

export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const migrations = readMigrations(
    options.migrationsDir ?? join(/*turbopackIgnore: true*/ process.cwd(), "prisma", "migrations"),
  );
  if (isPostgresUrl(options.url)) {
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    const conn = await pool.connect();
    try {
      await applyMigrations(pgRunner(conn), migrations);
    } finally {
      conn.release();
    }
    const db = createClient(new PrismaPg(pool), options.onQuery);
    return {
      db,
      backend: "postgres",
      close: async () => {
        await db.$disconnect();
        await pool.end().catch(() => {});
      },
    };
  }

  const dataDir = options.dataDir ?? ".data/pglite";
  if (!dataDir.startsWith("memory://")) mkdirSync(resolve(/*turbopackIgnore: true*/ dataDir), { recursive: true });
  const pglite = new PGlite(dataDir);
  await applyMigrations(pgliteRunner(pglite), migrations);
  const db = createClient(new PrismaPGlite(pglite), options.onQuery);
  return {
    db,
    backend: "pglite",
    close: async () => {
      await db.$disconnect();
      if (!pglite.closed) await pglite.close();
    },
  };
}

function createClient(adapter: PrismaPg | PrismaPGlite, onQuery?: (sql: string) => void): PrismaClient {
  if (!onQuery) return new PrismaClient({ adapter });
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) => onQuery(event.query));
  return client as unknown as PrismaClient;
}

function pgliteRunner(pglite: PGlite): SqlRunner {
  return {
    exec: async (sql) => {
      await pglite.exec(sql);
    },
    query: async <T>(sql: string, params?: unknown[]) => (await pglite.query<T>(sql, params)).rows,
  };
}

function pgRunner(conn: pg.PoolClient): SqlRunner {
  return {
    exec: async (sql) => {
      await conn.query(sql);
    },
    query: async <T>(sql: string, params?: unknown[]) => (await conn.query(sql, params)).rows as T[],
  };
}
