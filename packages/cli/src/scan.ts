import { stat } from "node:fs/promises";
import { maskKey } from "@keysmith/sdk";
import { describeError, sdk } from "./client.js";
import { CliError, normaliseUrl, settings } from "./config.js";
import { note, printJson } from "./output.js";
import { MAX_FILE_BYTES, scanFiles } from "./scan-files.js";
import { scanHistory } from "./scan-history.js";

/** Keys per report-leak call (the API takes 1–100). */
const REPORT_BATCH = 100;
/** What `keysmith scan` exits with: nothing found, keys found, or it could not scan. */
export const SCAN_EXIT = { clean: 0, found: 1, failed: 2 } as const;

export interface ScanOptions {
  history: boolean;
  report?: boolean;
  source: string;
  url?: string;
  json?: boolean;
}

/** One place a key was found; the key itself only masked (the secret stays in memory, for --report). */
interface Finding {
  where: "file" | "history";
  file: string;
  line: number;
  commit?: string;
  key: string;
}

function location(finding: Finding): string {
  return finding.commit
    ? `${finding.commit.slice(0, 12)}:${finding.file}:${finding.line}`
    : `${finding.file}:${finding.line}`;
}

/** Sends the keys to the configured server's report-leak, 100 a call; how many were sent. */
async function report(keys: string[], options: ScanOptions): Promise<number> {
  const server = settings().url;
  if (!server) {
    throw new CliError("--report needs Keysmith's address: keysmith config set url <url> (or set KEYSMITH_URL)", 2);
  }
  // Reporting needs no credential: the keys themselves are what is reported.
  const client = sdk({ url: normaliseUrl(server) });
  for (let i = 0; i < keys.length; i += REPORT_BATCH) {
    await client.keys.reportLeak({
      keys: keys.slice(i, i + REPORT_BATCH),
      source: options.source,
      ...(options.url ? { url: options.url } : {}),
    });
  }
  return keys.length;
}

/**
 * `keysmith scan [path]`: Keysmith keys in the files under `path` and in the git history
 * that holds it, each printed masked with where it is. Exit status 1 when any was found, 0
 * when none, 2 when the scan (or the report) failed.
 */
export async function scan(path: string, options: ScanOptions): Promise<void> {
  try {
    await stat(path);
  } catch {
    throw new CliError(`${path}: no such file or folder`, SCAN_EXIT.failed);
  }
  const files = await scanFiles(path);
  const history = options.history ? await scanHistory(path) : null;
  const findings: Finding[] = [
    ...files.findings.map((f) => ({ where: "file" as const, ...f })),
    ...(history?.findings ?? []).map((f) => ({ where: "history" as const, ...f })),
  ];
  const distinct = [...new Set(findings.map((f) => f.key))];

  let reported: number | null = null;
  if (options.report && distinct.length > 0) {
    try {
      reported = await report(distinct, options);
    } catch (error) {
      const failure = describeError(error);
      throw new CliError(`found ${distinct.length} key(s), but reporting them failed: ${failure.message}`, 2);
    }
  }

  if (options.json) {
    printJson({
      findings: findings.map(({ key, ...rest }) => ({ ...rest, key: maskKey(key) })),
      keys: distinct.length,
      filesScanned: files.files,
      skipped: {
        binary: files.skippedBinary,
        large: files.skippedLarge,
        unreadable: files.skippedUnreadable,
        history: history?.skipped ?? null,
      },
      commitsScanned: history?.commits ?? 0,
      reported,
    });
  } else {
    for (const finding of findings) {
      process.stdout.write(`${location(finding)}  ${maskKey(finding.key)}${finding.commit ? "  (history)" : ""}\n`);
    }
    const skipped = [
      files.skippedBinary ? `${files.skippedBinary} binary file(s)` : "",
      files.skippedLarge ? `${files.skippedLarge} file(s) over ${MAX_FILE_BYTES / 1024 / 1024} MiB` : "",
      files.skippedUnreadable ? `${files.skippedUnreadable} unreadable file(s)` : "",
    ].filter(Boolean);
    if (skipped.length) note(`Skipped ${skipped.join(" and ")}.`);
    if (history?.skipped) note(`History not scanned: ${history.skipped}.`);
    const scanned = `${files.files} file(s)${history && !history.skipped ? ` and ${history.commits} commit(s)` : ""}`;
    note(
      distinct.length === 0
        ? `No Keysmith keys in ${scanned}.`
        : `Found ${distinct.length} Keysmith key(s) in ${findings.length} place(s), scanning ${scanned}.`,
    );
    if (reported !== null) {
      note(
        `Reported ${reported} key(s) as leaked: each live one is now revoked or disabled, as its workspace decides.`,
      );
    } else if (distinct.length > 0) {
      note("Revoke them (keysmith keys revoke <id>, or the dashboard), or run again with --report.");
    }
  }
  process.exitCode = distinct.length > 0 ? SCAN_EXIT.found : SCAN_EXIT.clean;
}
