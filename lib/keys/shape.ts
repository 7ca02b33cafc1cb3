/**
 * What a key looks like, with no dependency: the dashboard's forms and filters import these,
 * and importing lib/keys/format.ts instead would bundle Node's zlib and crypto polyfills
 * into the browser (whose `util` probes for eval, which the CSP refuses and reports).
 */
export const ENVIRONMENTS = ["live", "test"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export const KEY_PREFIX_PATTERN = /^[a-z0-9]{2,12}$/;
export const RANDOM_LENGTH = 32;
export const CHECKSUM_LENGTH = 6;
/** Longest possible key; anything longer is malformed before any parsing. */
export const MAX_KEY_LENGTH = 12 + 1 + 4 + 1 + RANDOM_LENGTH + CHECKSUM_LENGTH;
