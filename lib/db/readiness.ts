import type { Database } from "./client";
import { postgresError } from "./errors";

/**
 * Whether this instance should receive traffic: its database answers, every migration this
 * build ships is recorded as applied (another instance may be migrating, or someone restored
 * an older database under a running instance), and the key table can be read the two ways
 * verification reads it (a damaged table otherwise leaves the probes green while every
 * verification fails).
 */
export interface Readiness {
  ready: boolean;
  database: "ok" | "unreachable" | "failing";
  /** Unknown (null) when the database does not answer. */
  migrations: { expected: number; applied: number; pending: string[] } | null;
  /** For "failing": the SQLSTATE of what failed (its message goes to the log). */
  errorCode?: string;
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
  try {
    // The first page of the table, and a lookup through the hash index, as verify does.
    await withTimeout(database.db.$queryRaw`SELECT "id" FROM "api_key" LIMIT 1`, PROBE_TIMEOUT_MS);
    await withTimeout(database.db.$queryRaw`SELECT "id" FROM "api_key" WHERE "hash" = ${""}`, PROBE_TIMEOUT_MS);
  } catch (error) {
    const failure = postgresError(error);
    logFailure(failure ? `${failure.code}: ${failure.message}` : (error as Error).message);
    return { ready: false, database: "failing", migrations: null, errorCode: failure?.code ?? "unknown" };
  }
  lastLoggedFailure = null;
  return {
    ready: pending.length === 0,
    database: "ok",
    migrations: { expected: expected.length, applied: expected.length - pending.length, pending },
  };
}

/** Logged once per distinct failure: a balancer may probe every second. */
let lastLoggedFailure: string | null = null;
function logFailure(failure: string): void {
  if (failure === lastLoggedFailure) return;
  lastLoggedFailure = failure;
  console.error(`[keysmith] readiness: the key table cannot be read (${failure})`);
}

/** A probe must answer even when the pool is exhausted or the server hangs. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timed out")), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
