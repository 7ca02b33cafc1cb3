import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { SqlRunner } from "./migrate";
import { settingsExtension } from "./pglite-settings.ts";

/**
 * Opens an embedded database with the extensions our migrations create (pg_trgm, for
 * search by name) and Keysmith's memory settings (pglite-settings.ts). Everything that
 * opens Keysmith's PGlite data goes through here: an index built on an extension's
 * operators needs the extension loaded to be used.
 */
export function openPGlite(dataDir: string): PGlite {
  const settings = settingsExtension((argument) =>
    console.warn(`[keysmith] PGlite: startup argument ${argument} not found; its default stays`),
  );
  return new PGlite(dataDir, { extensions: { pg_trgm, settings } });
}

/** Runs migrations (and other plain SQL) on an open PGlite. */
export function pgliteRunner(pglite: Pick<PGlite, "exec" | "query">): SqlRunner {
  return {
    exec: async (sql) => {
      await pglite.exec(sql);
    },
    query: async <T>(sql: string, params?: unknown[]) => (await pglite.query<T>(sql, params)).rows,
  };
}
