import pg from "pg";
import { startPGliteThread } from "./pglite-thread";

/**
 * The embedded database as a pg.Pool, so that it is used exactly like PostgreSQL (same
 * driver, Prisma adapter, error mapping and migration runner): PGlite runs in its own
 * thread (pglite-thread.ts) and the pool speaks the wire protocol to it. One connection,
 * because PGlite is a single session.
 */
export interface PGlitePool {
  pool: pg.Pool;
  /** Ends the pool, then closes PGlite cleanly and its thread. */
  close(): Promise<void>;
}

export async function openPGlitePool(dataDir: string): Promise<PGlitePool> {
  const thread = await startPGliteThread(dataDir);
  const pool = new pg.Pool({
    max: 1,
    stream: () => thread.connect(),
    // PGlite asks for a password and accepts any.
    user: "postgres",
    password: "pglite",
    database: "template1",
    // Nothing to gain from closing the idle connection: it costs nothing to keep.
    idleTimeoutMillis: 0,
  });
  return {
    pool,
    close: async () => {
      await pool.end().catch(() => {});
      await thread.close();
    },
  };
}
