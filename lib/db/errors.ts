/** What PostgreSQL said, under however many layers of Prisma and driver errors. */
export interface PostgresError {
  /** SQLSTATE, such as 22021 (invalid byte sequence) or XX001 (data corrupted). */
  code: string;
  message: string;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

/**
 * The PostgreSQL error inside `error`, if any: Prisma's driver adapters (PGlite's and pg's)
 * put it on `cause` or `meta.driverAdapterError.cause`; pg's own errors carry it directly.
 */
export function postgresError(error: unknown): PostgresError | null {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const item = queue.shift();
    if (typeof item !== "object" || item === null || seen.has(item)) continue;
    seen.add(item);
    const { code, message, kind, severity, originalCode, originalMessage, cause, meta } = item as Record<
      string,
      unknown
    >;
    // Errors Prisma knows by name (TableDoesNotExist …) keep PostgreSQL's own as original*.
    if (typeof originalCode === "string" && SQLSTATE.test(originalCode)) {
      return { code: originalCode, message: typeof originalMessage === "string" ? originalMessage : "" };
    }
    const fromPostgres = kind === "postgres" || typeof severity === "string";
    if (fromPostgres && typeof code === "string" && SQLSTATE.test(code)) {
      return { code, message: typeof message === "string" ? message : "" };
    }
    queue.push(cause, (meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError);
  }
  return null;
}

/** SQLSTATE class 22, "data exception": a value the database cannot take, so a bad request. */
export function isDataException(error: PostgresError): boolean {
  return error.code.startsWith("22");
}

/** A unique index refused the row: Prisma's P2002, or SQLSTATE 23505 under the driver adapter. */
export function isPostgresUniqueViolation(error: unknown): boolean {
  if ((error as { code?: unknown } | null)?.code === "P2002") return true;
  return postgresError(error)?.code === "23505";
}

/** For operators' logs: PostgreSQL's own words when it was the database that refused. */
export function describeDatabaseError(error: unknown): string {
  const postgres = postgresError(error);
  if (postgres) return `${postgres.message} (SQLSTATE ${postgres.code})`;
  return error instanceof Error ? error.message : String(error);
}
