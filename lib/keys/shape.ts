/**
 * What a key looks like, with no dependency: the dashboard's forms and filters import these,
 * and importing lib/keys/format.ts instead would bundle Node's zlib and crypto polyfills
 * into the browser (whose `util` probes for eval, which the CSP refuses and reports).
 */

/** A workspace's environments until it chooses its own; the first is where keys go by default. */
export const DEFAULT_ENVIRONMENTS: readonly string[] = ["live", "test"];
/** An environment's name, as it sits in the key between prefix and secret: `sk_<env>_…`. */
export const ENVIRONMENT_PATTERN = /^[a-z]{2,10}$/;
export const MAX_ENVIRONMENTS = 5;
/** A validated environment name (ENVIRONMENT_PATTERN); which ones a workspace allows is its own list. */
export type Environment = string;

export const KEY_PREFIX_PATTERN = /^[a-z0-9]{2,12}$/;
export const RANDOM_LENGTH = 32;
export const CHECKSUM_LENGTH = 6;
/** Longest possible key; anything longer is malformed before any parsing. */
export const MAX_KEY_LENGTH = 12 + 1 + 10 + 1 + RANDOM_LENGTH + CHECKSUM_LENGTH;
