import { spawn } from "node:child_process";
import { stat } from "node:fs/promises";
import { basename, dirname } from "node:path";
import { createInterface } from "node:readline";
import { crc32 } from "node:zlib";
import { findKeys } from "@keysmith/sdk";

/** A key added by a commit: the commit, the file as the commit named it, and the line in that version. */
export interface HistoryFinding {
  key: string;
  commit: string;
  file: string;
  line: number;
}

export interface HistoryScan {
  findings: HistoryFinding[];
  commits: number;
  /** Why history was not read (not a git repository, no git), or null when it was. */
  skipped: string | null;
}

/**
 * Reads `git log -p` output line by line and finds keys in the lines each commit added (a
 * key removed later was added by an earlier commit, so added lines are enough). Kept apart
 * from the process so that it can be fed any text.
 */
export class PatchReader {
  readonly findings: HistoryFinding[] = [];
  commits = 0;
  private commit = "";
  private file = "";
  private inHunk = false;
  private newLine = 0;

  line(text: string): void {
    if (text.startsWith("commit ") && /^commit [0-9a-f]{40}$/.test(text)) {
      this.commit = text.slice(7);
      this.commits++;
      this.inHunk = false;
      return;
    }
    if (text.startsWith("diff --git ")) {
      this.inHunk = false;
      this.file = "";
      return;
    }
    if (!this.inHunk) {
      if (text.startsWith("+++ ")) this.file = text === "+++ /dev/null" ? "" : text.slice(4).replace(/^b\//, "");
      const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(text);
      if (hunk) {
        this.inHunk = true;
        this.newLine = Number(hunk[1]);
      }
      return;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(text);
    if (hunk) {
      this.newLine = Number(hunk[1]);
      return;
    }
    if (text.startsWith("+")) {
      for (const found of findKeys(text.slice(1), crc32)) {
        this.findings.push({ key: found.key, commit: this.commit, file: this.file, line: this.newLine });
      }
      this.newLine++;
    } else if (text.startsWith(" ")) {
      this.newLine++;
    }
  }
}

/** Runs a command to the end; its output, or null when it failed or could not start. */
function output(command: string, args: string[], cwd: string): Promise<string | null> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "ignore"] });
    let text = "";
    child.stdout.on("data", (chunk) => (text += chunk));
    child.on("error", () => resolve(null));
    child.on("close", (code) => resolve(code === 0 ? text : null));
  });
}

/**
 * The keys every commit of every branch added under `path`, when `path` is in a git
 * repository. A repository without git installed, or a path outside one, is not an error:
 * `skipped` says why nothing was read.
 */
export async function scanHistory(path: string): Promise<HistoryScan> {
  const isFolder = (await stat(path)).isDirectory();
  const cwd = isFolder ? path : dirname(path);
  const inside = await output("git", ["rev-parse", "--is-inside-work-tree"], cwd);
  if (inside === null)
    return { findings: [], commits: 0, skipped: "not in a git repository (or git is not installed)" };
  const reader = new PatchReader();
  const git = spawn(
    "git",
    [
      "-c",
      "core.quotepath=off",
      "log",
      "-p",
      "--all",
      "--no-color",
      "--no-ext-diff",
      "--no-textconv",
      "--format=commit %H",
      "--",
      isFolder ? "." : basename(path),
    ],
    { cwd, stdio: ["ignore", "pipe", "pipe"] },
  );
  let errors = "";
  git.stderr.on("data", (chunk) => (errors += chunk));
  const exited = new Promise<number | null>((resolve) => git.on("close", resolve));
  for await (const line of createInterface({ input: git.stdout, crlfDelay: Number.POSITIVE_INFINITY })) {
    reader.line(line);
  }
  const code = await exited;
  // A repository with no commit yet has no history to read: that is not a failure.
  if (code !== 0 && !/does not have any commits|bad default revision/.test(errors)) {
    return { findings: reader.findings, commits: reader.commits, skipped: `git log failed: ${errors.trim()}` };
  }
  return { findings: reader.findings, commits: reader.commits, skipped: null };
}
