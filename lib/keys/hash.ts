import { createHash } from "node:crypto";

/** Keys are looked up by the SHA-256 of the whole key; the secret itself is never stored. */
export function hashKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}
