/**
 * What an id or slug in a path or parameter may look like: ours (`key_…`), better-auth's and
 * workspace slugs all fit. Anything else names nothing, and never reaches the database.
 * (No imports: the dashboard's forms bundle this.)
 */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function isWellFormedId(value: string): boolean {
  return ID_PATTERN.test(value);
}
