import { createTestDatabase, postgresUnavailable, type TestDatabase } from "../e2e/support/postgres";
import type { StartedServer } from "../e2e/support/server";
import { requireServerBuilt } from "../scripts/server-command";

/**
 * Runs a PostgreSQL benchmark against the production build on a database of its own; the
 * servers it starts (pushed onto `servers`) are stopped and the database dropped afterwards,
 * even when the run fails.
 */
export async function withBenchDatabase(
  stopSignal: NodeJS.Signals,
  run: (database: TestDatabase, servers: StartedServer[]) => Promise<void>,
): Promise<void> {
  requireServerBuilt();
  const unavailable = await postgresUnavailable();
  if (unavailable) throw new Error(unavailable);
  const database = await createTestDatabase("keysmith_bench");
  const servers: StartedServer[] = [];
  try {
    await run(database, servers);
  } finally {
    await Promise.all(servers.map((s) => s.stop(stopSignal)));
    await database.drop();
  }
}
