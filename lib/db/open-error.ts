import { postgresError } from "./errors";

/** The database could not be opened at start-up: one line for the operator, naming what and what to do. */
export class DatabaseOpenError extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = "DatabaseOpenError";
  }
}

/** PostgreSQL's words when it said something, else the error's own (PGlite's wasm says only "Aborted()"). */
export function reasonOf(error: unknown): string {
  const database = postgresError(error);
  if (database) return `${database.code}: ${database.message}`;
  if (!(error instanceof Error)) return String(error);
  // PGlite's wasm stops with "Aborted(). Build with -sASSERTIONS for more info.", naming nothing.
  if (error.message.startsWith("Aborted(")) return "PGlite aborted while reading its files";
  return `${error.name}: ${error.message}`;
}

export function damagedDataDir(folder: string, error: unknown): DatabaseOpenError {
  return new DatabaseOpenError(
    `the embedded database in ${folder} could not be opened (${reasonOf(error)}). Its files are damaged or ` +
      `not a database: stop Keysmith, move the folder aside and restore your last copy of it ` +
      `(README, "Back up and restore"), or point KEYSMITH_DATA_DIR at an empty folder to start afresh.`,
    { cause: error },
  );
}

export function failedMigration(where: string, error: unknown): DatabaseOpenError {
  return new DatabaseOpenError(
    `the database ${where} opened, but applying Keysmith's migrations failed (${reasonOf(error)}). ` +
      `Nothing was changed by the failed step; restore your last copy if the database was damaged.`,
    { cause: error },
  );
}

/** host:port/database of a PostgreSQL URL: never its password. */
export function describePostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `PostgreSQL at ${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return "PostgreSQL (the URL could not be parsed)";
  }
}

export function unreadableKeyTable(where: string, error: unknown): DatabaseOpenError {
  return new DatabaseOpenError(
    `${where} opened, but its key table cannot be read (${reasonOf(error)}). The database is damaged: ` +
      `stop Keysmith and restore your last copy of it (README, "Back up and restore").`,
    { cause: error },
  );
}
