import { renameSync, writeFileSync } from "node:fs";

/**
 * The keys wrk sends (bench/verify/load.lua reads this format): one a line, a key Keysmith
 * knows with its id and the codes its answer may carry, an unknown key with "-" and
 * NOT_FOUND; a key with no codes (the peer's) is the key alone.
 */
export interface LoadKey {
  key: string;
  id: string | null;
  codes: string[];
}

/** The valid keys plus one unknown per nine valid ones (10 % of the mix), shuffled. */
export function withUnknown<T>(valid: T[], unknown: (valid: T) => T): T[] {
  const mixed = [...valid, ...valid.slice(0, Math.round(valid.length / 9)).map(unknown)];
  for (let i = mixed.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [mixed[i], mixed[j]] = [mixed[j], mixed[i]];
  }
  return mixed;
}

function line(k: LoadKey): string {
  return k.codes.length ? `${k.key} ${k.id ?? "-"} ,${k.codes.join(",")},` : k.key;
}

/**
 * Writes the file whole (a reader never sees half of it), then `path.version`: wrk threads
 * running with RELOAD=1 read the file again when the version changes.
 */
export function writeLoadFile(path: string, keys: LoadKey[]): string {
  writeFileSync(`${path}.tmp`, `${keys.map(line).join("\n")}\n`);
  renameSync(`${path}.tmp`, path);
  writeFileSync(`${path}.version`, String(Date.now() + Math.random()));
  return path;
}
