import { maskKey } from "./mask";
import type { Environment } from "./shape";

/**
 * An illustrative key in the real shape (`<prefix>_<env>_<32 random><6 checksum>`), for
 * previews in forms. It is a constant, not a secret, and not a valid key.
 */
const EXAMPLE_RANDOM = "3f9aK2qLm8ZxT4vBn7WcR1yHd6PsJ0ga";
const EXAMPLE_CHECKSUM = "e5a7b8";

export interface KeyPreview {
  prefix: string;
  environment: Environment;
  random: string;
  checksum: string;
  full: string;
  masked: string;
}

export function previewKey(prefix: string, environment: Environment = "live"): KeyPreview {
  const full = `${prefix}_${environment}_${EXAMPLE_RANDOM}${EXAMPLE_CHECKSUM}`;
  return { prefix, environment, random: EXAMPLE_RANDOM, checksum: EXAMPLE_CHECKSUM, full, masked: maskKey(full) };
}
