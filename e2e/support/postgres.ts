import { randomBytes } from "node:crypto";
import pg from "pg";

/**
 * A throw-away PostgreSQL database per test run, on the server named by
 * KEYSMITH_TEST_PG_URL (default: the local one, trust auth). Created through the
 * `postgres` maintenance database (or `test`, where `postgres` is not reachable).
 */
const SERVER_URL = process.env.KEYSMITH_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432";
const MAINTENANCE_DATABASES = ["postgres", "test"];

export interface TestDatabase {
  name: string;
  url: string;
  /** Runs one statement in the test database. */
  query<T extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

function urlFor(database: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

async function maintenanceClient(): Promise<pg.Client> {
  let lastError: unknown;
  for (const database of MAINTENANCE_DATABASES) {
    const client = new pg.Client({ connectionString: urlFor(database), connectionTimeoutMillis: 3_000 });
    try {
      await client.connect();
      return client;
    } catch (error) {
      lastError = error;
      await client.end().catch(() => {});
    }
  }
  throw lastError;
}

/** Why the PostgreSQL tests cannot run here, or null when they can. */
export async function postgresUnavailable(): Promise<string | null> {
  try {
    const client = await maintenanceClient();
    await client.end();
    return null;
  } catch (error) {
    return `PostgreSQL is not reachable at ${new URL(SERVER_URL).host} (${(error as Error).message}); set KEYSMITH_TEST_PG_URL to run the scale-out tests`;
  }
}

export async function createTestDatabase(prefix = "keysmith_test"): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const admin = await maintenanceClient();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = urlFor(name);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on("error", () => {});
  return {
    name,
    url,
    query: async <T extends pg.QueryResultRow>(sql: string, params?: unknown[]) =>
      (await pool.query<T>(sql, params)).rows,
    drop: async () => {
      await pool.end().catch(() => {});
      const client = await maintenanceClient();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
