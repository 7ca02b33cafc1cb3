/** `postgres://…` selects PostgreSQL; anything else (or nothing) the embedded PGlite. */
export function isPostgresUrl(url: string | undefined): url is string {
  // The placeholder prisma.config.ts sets for Prisma's CLI names PGlite, not a server.
  return !!url && /^postgres(ql)?:\/\//.test(url) && !url.includes("@localhost/pglite");
}
