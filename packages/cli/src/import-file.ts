import type { ImportedKey } from "@keysmith/sdk";
import { parseCsv } from "./csv.js";

/** A key read from an import file, and where it was (a CSV line, or a JSON item). */
export interface ImportRow {
  key: ImportedKey;
  where: string;
}

export const CSV_COLUMNS = ["hash", "name", "scopes", "environment", "expiresAt", "prefix", "description"] as const;
const REQUIRED_COLUMNS = ["hash", "name"];

// What the server checks too, checked here first so that a bad file sends nothing at all
// (the file goes in several calls of 1,000, each all or nothing on the server).
const HASH = /^(?:[0-9a-fA-F]{64}|[A-Za-z0-9_-]{43}|[A-Za-z0-9+/_-]{43}=)$/;
const SCOPE = /^[a-z][a-z0-9_-]{0,30}\.[a-z][a-z0-9_-]{0,30}$/;
const ENVIRONMENT = /^[a-z]{2,10}$/;
const PREFIX = /^[\x21-\x7e]{1,32}$/;
/** The API's bound on an expiry date (lib/api/schemas/keys.ts). */
const MAX_EXPIRY_MS = 5 * 366 * 24 * 60 * 60 * 1000;

/** The keys in a CSV or JSON import file (JSON when it starts with `[` or `{`), or an error naming the row. */
export function readImportFile(text: string): ImportRow[] {
  const trimmed = text.trimStart().replace(/^\uFEFF/, "");
  const rows = trimmed.startsWith("[") || trimmed.startsWith("{") ? fromJson(trimmed) : fromCsv(text);
  if (rows.length === 0) throw new Error("the file holds no keys");
  const seen = new Map<string, string>();
  for (const row of rows) {
    check(row);
    const earlier = seen.get(row.key.hash);
    if (earlier) throw new Error(`${row.where}: the same hash as ${earlier}`);
    seen.set(row.key.hash, row.where);
  }
  return rows;
}

function fromCsv(text: string): ImportRow[] {
  const [header, ...records] = parseCsv(text);
  if (!header) return [];
  const columns = header.cells.map((cell) => cell.trim());
  const unknown = columns.filter((column) => !(CSV_COLUMNS as readonly string[]).includes(column));
  if (unknown.length) {
    throw new Error(`line ${header.line}: unknown column ${unknown.join(", ")} (columns: ${CSV_COLUMNS.join(", ")})`);
  }
  for (const column of REQUIRED_COLUMNS) {
    if (!columns.includes(column)) throw new Error(`line ${header.line}: the header needs a ${column} column`);
  }
  return records.map(({ line, cells }) => {
    if (cells.length !== columns.length) {
      throw new Error(`line ${line}: ${cells.length} cells where the header has ${columns.length}`);
    }
    const cell = (name: string) => {
      const value = cells[columns.indexOf(name)]?.trim();
      return value ? value : undefined;
    };
    const key: ImportedKey = { hash: cell("hash") ?? "", name: cell("name") ?? "" };
    const scopes = cell("scopes");
    if (columns.includes("scopes")) key.scopes = scopes ? scopes.split(/\s+/) : [];
    const optional = { environment: cell("environment"), expiresAt: cell("expiresAt"), prefix: cell("prefix") };
    for (const [name, value] of Object.entries(optional))
      if (value !== undefined) Object.assign(key, { [name]: value });
    const description = cell("description");
    if (description !== undefined) key.description = description;
    return { key, where: `line ${line}` };
  });
}

function fromJson(text: string): ImportRow[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`not valid JSON (${(error as Error).message})`);
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { keys?: unknown }).keys;
  if (!Array.isArray(list)) throw new Error('JSON must be an array of keys or {"keys": [...]}');
  return list.map((item, index) => {
    const where = `item ${index + 1} (keys[${index}])`;
    if (!item || typeof item !== "object" || Array.isArray(item)) throw new Error(`${where}: not an object`);
    const key = { ...(item as ImportedKey) };
    // Scopes as in the CSV (space-separated) are accepted too.
    if (typeof key.scopes === "string") key.scopes = (key.scopes as string).split(/\s+/).filter(Boolean);
    return { key, where };
  });
}

/** Checks a row as the server would (what can be checked here), and writes its date as ISO 8601. */
function check({ key, where }: ImportRow): void {
  const fail = (field: string, message: string) => {
    throw new Error(`${where}: ${field}: ${message}`);
  };
  if (typeof key.hash !== "string" || !HASH.test(key.hash)) {
    fail("hash", "not a SHA-256 (64 hex digits, or 43 base64url characters)");
  }
  if (typeof key.name !== "string" || key.name.trim().length < 3 || key.name.trim().length > 50) {
    fail("name", "3–50 characters");
  }
  if (key.scopes !== undefined) {
    if (!Array.isArray(key.scopes)) fail("scopes", "a list of scopes");
    for (const scope of key.scopes ?? []) if (!SCOPE.test(scope)) fail("scopes", `"${scope}" is not resource.action`);
  }
  if (key.environment !== undefined && !ENVIRONMENT.test(String(key.environment))) {
    fail("environment", `"${key.environment}" is not an environment name`);
  }
  if (key.expiresAt !== undefined && key.expiresAt !== null) {
    const at = Date.parse(String(key.expiresAt));
    if (Number.isNaN(at)) fail("expiresAt", `"${key.expiresAt}" is not a date (use ISO 8601)`);
    else if (at <= Date.now()) fail("expiresAt", "already past: leave expired keys out");
    else if (at >= Date.now() + MAX_EXPIRY_MS) fail("expiresAt", "must be within 5 years");
    // Sent as the API wants it (a date-time with its offset), whatever the file wrote.
    else key.expiresAt = new Date(at).toISOString();
  }
  if (key.prefix !== undefined && !PREFIX.test(String(key.prefix))) {
    fail("prefix", "1–32 printable characters without spaces");
  }
  if (key.description !== undefined && (typeof key.description !== "string" || key.description.length > 500)) {
    fail("description", "up to 500 characters");
  }
}
