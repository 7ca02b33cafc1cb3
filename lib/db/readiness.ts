import type { Database } from "./client";

/**
 * Whether this instance should receive traffic: its database answers and every migration
 * this build ships is recorded as applied (another instance may be migrating, or someone
 * restored an older database under a running instance).
 */
export interface Readiness {
  ready: boolean;
  database: "ok" | "unreachable";
  migrations: { expected: number; applied: number; pending: string[] };
}

const PROBE_TIMEOUT_MS = 2_000;

export async function checkReadiness(database: Database): Promise<Readiness> {
  const expected = database.migrations.map((m) => m.name);
  const notReady = (db: Readiness["database"], pending = expected): Readiness => ({
    ready: false,
    database: db,
    migrations: { expected: expected.length, applied: expected.length - pending.length, pending },
  });
  let rows: { migration_name: string }[];
  try {
    rows = await withTimeout(
      database.db.$queryRaw<{ migration_name: string }[]>`SELECT "migration_name" FROM "_prisma_migrations"
        WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
      PROBE_TIMEOUT_MS,
    );
  } catch {
    return notReady("unreachable");
  }
  const applied = new Set(rows.map((row) => row.migration_name));
  const pending = expected.filter((name) => !applied.has(name));
  return pending.length ? notReady("ok", pending) : { ...notReady("ok", []), ready: true };
}

/** A probe must answer even when the pool is exhausted or the server hangs. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timed out")), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
