import type { Database } from "./client";

/**
 * Whether this instance should receive traffic: its database answers and every migration
 * this build ships is recorded as applied (another instance may be migrating, or someone
 * restored an older database under a running instance).
 */
export interface Readiness {
  ready: boolean;
  database: "ok" | "unreachable";
  /** Unknown (null) when the database does not answer. */
  migrations: { expected: number; applied: number; pending: string[] } | null;
}

const PROBE_TIMEOUT_MS = 2_000;

export async function checkReadiness(database: Database): Promise<Readiness> {
  const expected = database.migrations.map((m) => m.name);
  let applied: Set<string>;
  try {
    const rows = await withTimeout(
      database.db.$queryRaw<{ migration_name: string }[]>`SELECT "migration_name" FROM "_prisma_migrations"
        WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
      PROBE_TIMEOUT_MS,
    );
    applied = new Set(rows.map((row) => row.migration_name));
  } catch {
    return { ready: false, database: "unreachable", migrations: null };
  }
  const pending = expected.filter((name) => !applied.has(name));
  return {
    ready: pending.length === 0,
    database: "ok",
    migrations: { expected: expected.length, applied: expected.length - pending.length, pending },
  };
}

/** A probe must answer even when the pool is exhausted or the server hangs. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timed out")), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
