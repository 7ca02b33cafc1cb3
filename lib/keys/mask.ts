/** `sk_live_3f9aXXXX…a7b8` → `sk_live_3f9a…a7b8`: enough to recognise a key, useless to use it. */
export function maskKey(key: string): string {
  const envEnd = key.indexOf("_", key.indexOf("_") + 1) + 1;
  return `${key.slice(0, envEnd + 4)}…${key.slice(-4)}`;
}

/**
 * An imported key's preview: Keysmith never saw its secret, so only the start the other
 * product showed (if given), then `…`. Never anything derived from the hash.
 */
export function maskImportedKey(prefix: string | undefined): string {
  return `${prefix ?? ""}…`;
}
