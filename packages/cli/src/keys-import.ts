import { readFileSync } from "node:fs";
import { type Key, type Keysmith, KeysmithError } from "@keysmith/sdk";
import { CliError } from "./config.js";
import { type ImportRow, readImportFile } from "./import-file.js";
import { note, printJson, printTable } from "./output.js";

/** The API takes at most this many keys a call. */
export const IMPORT_BATCH = 1000;

/**
 * `keysmith keys import <file>`: the whole file is read and checked first (a bad row sends
 * nothing), then sent 1,000 keys a call. Each call is all or nothing; if one is refused, the
 * keys of the calls before it stay imported, and the message says which row was refused.
 */
export async function importKeysFromFile(client: Keysmith, file: string, options: { json?: boolean }): Promise<void> {
  let rows: ImportRow[];
  try {
    rows = readImportFile(readFileSync(file, "utf8"));
  } catch (error) {
    throw new CliError(`${file}: ${(error as Error).message}; nothing was imported`);
  }
  const imported: Key[] = [];
  for (let start = 0; start < rows.length; start += IMPORT_BATCH) {
    const batch = rows.slice(start, start + IMPORT_BATCH);
    try {
      imported.push(...(await client.keys.import({ keys: batch.map((row) => row.key) })).keys);
    } catch (error) {
      throw refusal(error, file, batch, imported.length);
    }
  }
  if (options.json) return printJson({ imported: imported.length, keys: imported });
  printTable(
    ["ID", "NAME", "KEY", "ENV", "SCOPES", "EXPIRES"],
    imported.map((key) => [
      key.id,
      key.name,
      key.maskedKey,
      key.environment,
      key.scopes.join(",") || "-",
      key.expiresAt ?? "never",
    ]),
  );
  note(`Imported ${imported.length} ${imported.length === 1 ? "key" : "keys"} from ${file}.`);
}

/** The API's refusal, pointed at the row of the file it is about (`keys.3.hash` → line 5). */
function refusal(error: unknown, file: string, batch: ImportRow[], before: number): unknown {
  if (!(error instanceof KeysmithError)) return error;
  const issue = (error.details as { issues?: { field: string; message: string }[] } | undefined)?.issues?.[0];
  const match = issue ? /^keys\.(\d+)(?:\.(.+))?$/.exec(issue.field) : null;
  const row = match ? batch[Number(match[1])] : undefined;
  const where = row && issue ? `${file}, ${row.where}: ${match?.[2] ?? "key"}: ${issue.message}` : error.message;
  const kept = before > 0 ? ` The ${before} keys of the calls before it were imported.` : " Nothing was imported.";
  return new CliError(`${where}.${kept}`);
}
