import { createHash } from "node:crypto";
import { type Dirent, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Where `next build` writes the server's chunks. */
export const SERVER_CHUNKS_DIR = ".next/server/chunks";

const COPY_PREFIX = "module.exports = require(";
const copyOf = (first: string) => `${COPY_PREFIX}${JSON.stringify(`./${first}`)});\n`;
const SOURCE_MAP_COMMENT = /\n\/\/# sourceMappingURL=[^\n]*\n?$/;

/**
 * Turbopack writes the same server chunk once per route group that needs it, byte for byte
 * apart from its source-map comment (five copies of the 1 MB chunk holding lib/ and its
 * packages). Node compiles and keeps every copy a request loads, yet Turbopack's runtime
 * installs each module from the first copy only. Every later copy becomes a one-line module
 * handing over the first copy's exports, which Node's module cache already holds.
 *
 * Copies are matched within one folder (`chunks/`, `chunks/ssr/`), where Turbopack writes them.
 * Returns how many were replaced.
 */
export function dedupeServerChunks(dir = SERVER_CHUNKS_DIR): number {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  const chunks = entries.filter((e) => e.isFile() && e.name.endsWith(".js"));
  const folders = entries.filter((e) => e.isDirectory());
  return dedupeFolder(dir, chunks) + folders.reduce((sum, f) => sum + dedupeServerChunks(join(dir, f.name)), 0);
}

function dedupeFolder(dir: string, chunks: Dirent[]): number {
  const firstByContent = new Map<string, string>();
  let replaced = 0;
  for (const { name } of chunks) {
    const file = join(dir, name);
    const code = readFileSync(file, "utf8").replace(SOURCE_MAP_COMMENT, "");
    if (code.startsWith(COPY_PREFIX)) continue;
    const digest = createHash("sha256").update(code).digest("hex");
    const first = firstByContent.get(digest);
    if (first === undefined) {
      firstByContent.set(digest, name);
      continue;
    }
    writeFileSync(file, copyOf(first));
    replaced++;
  }
  return replaced;
}
