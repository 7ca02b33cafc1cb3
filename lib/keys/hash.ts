import { hash } from "node:crypto";

/** Keys are looked up by the SHA-256 of the whole key; the secret itself is never stored. */
export function hashKey(key: string): string {
  // One-shot crypto.hash: no Hash object (and no native handle for the collector) per call.
  return hash("sha256", key, "hex");
}
