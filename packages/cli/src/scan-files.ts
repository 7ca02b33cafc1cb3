import { opendir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { findKeys } from "@keysmith/sdk";

/** Folders never worth reading: git's own store (history is read with git log) and installed packages. */
const SKIPPED_FOLDERS = new Set([".git", "node_modules"]);
/** Bigger files are skipped: keys live in config and source files, not in dumps and bundles. */
export const MAX_FILE_BYTES = 1024 * 1024;
/** A NUL byte in a file's first bytes marks it binary, as git decides. */
const BINARY_SNIFF_BYTES = 8000;

/** A key found in the working tree: the file as the user named it, and the line (from 1). */
export interface FileFinding {
  key: string;
  file: string;
  line: number;
}

export interface FileScan {
  findings: FileFinding[];
  files: number;
  skippedBinary: number;
  skippedLarge: number;
  skippedUnreadable: number;
}

/** The 1-based line of each index into `text` (indexes in ascending order). */
export function lineNumbers(text: string, indexes: number[]): number[] {
  const lines: number[] = [];
  let line = 1;
  let counted = 0;
  for (const index of indexes) {
    for (let i = text.indexOf("\n", counted); i !== -1 && i < index; i = text.indexOf("\n", i + 1)) {
      line++;
      counted = i + 1;
    }
    lines.push(line);
  }
  return lines;
}

async function scanFile(path: string, shown: string, scan: FileScan): Promise<void> {
  let content: Buffer;
  try {
    if ((await stat(path)).size > MAX_FILE_BYTES) {
      scan.skippedLarge++;
      return;
    }
    content = await readFile(path);
  } catch (error) {
    // Unreadable (permissions) or gone since the folder was listed: counted, not fatal.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "EACCES" && code !== "EPERM" && code !== "ENOENT") throw error;
    scan.skippedUnreadable++;
    return;
  }
  scan.files++;
  if (content.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
    scan.skippedBinary++;
    return;
  }
  const text = content.toString("utf8");
  const found = findKeys(text, crc32);
  const lines = lineNumbers(
    text,
    found.map((f) => f.index),
  );
  found.forEach((f, i) => {
    scan.findings.push({ key: f.key, file: shown, line: lines[i] });
  });
}

async function scanFolder(path: string, shown: string, scan: FileScan): Promise<void> {
  const entries = [];
  for await (const entry of await opendir(path)) entries.push(entry);
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const child = join(path, entry.name);
    const childShown = join(shown, entry.name);
    // Symbolic links are not followed: they may lead out of the folder, or round in circles.
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) await scanFolder(child, childShown, scan);
    } else if (entry.isFile()) {
      await scanFile(child, childShown, scan);
    }
  }
}

/** Every key in the files under `path` (or in `path`, a file), named as the user named the path. */
export async function scanFiles(path: string): Promise<FileScan> {
  const scan: FileScan = { findings: [], files: 0, skippedBinary: 0, skippedLarge: 0, skippedUnreadable: 0 };
  const info = await stat(path);
  if (info.isDirectory()) await scanFolder(path, path, scan);
  else await scanFile(path, path, scan);
  return scan;
}
