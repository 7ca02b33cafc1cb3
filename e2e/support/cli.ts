import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { expect } from "@playwright/test";

/** The built CLI (packages/cli/dist, built by e2e/support/build-packages.ts before the tests). */
export const CLI = resolve("packages/cli/dist/cli.js");

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * A user's terminal: its own config folder (XDG_CONFIG_HOME), and none of the test runner's
 * KEYSMITH_* variables unless a test sets them.
 */
export class Terminal {
  readonly configHome = mkdtempSync(join(tmpdir(), "keysmith-cli-"));
  readonly configFile = join(this.configHome, "keysmith", "config.json");

  constructor(private readonly extraEnv: Record<string, string> = {}) {}

  env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env, XDG_CONFIG_HOME: this.configHome, ...this.extraEnv, ...extra };
    for (const name of ["KEYSMITH_API_KEY", "KEYSMITH_URL", "CI"]) if (!(name in extra)) delete env[name];
    return env;
  }

  /** Runs `keysmith …args` to the end, with `input` on standard input. */
  run(args: string[], options: { input?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
    return finished(this.start(args, options));
  }

  /** Starts `keysmith …args` and returns at once (for `login`, which waits for the browser). */
  start(args: string[], options: { input?: string; env?: Record<string, string> } = {}): RunningCli {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: this.env(options.env),
      stdio: ["pipe", "pipe", "pipe"],
    });
    child.stdin?.end(options.input ?? "");
    return new RunningCli(child);
  }

  config(): Record<string, string> {
    return JSON.parse(readFileSync(this.configFile, "utf8"));
  }

  /** The permission bits of the config file and its folder: "600" and "700". */
  modes(): { file: string; dir: string } {
    const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);
    return { file: mode(this.configFile), dir: mode(join(this.configHome, "keysmith")) };
  }
}

export class RunningCli {
  stdout = "";
  stderr = "";
  readonly exited: Promise<number | null>;

  constructor(readonly child: ChildProcess) {
    child.stdout?.on("data", (chunk) => (this.stdout += chunk));
    child.stderr?.on("data", (chunk) => (this.stderr += chunk));
    this.exited = new Promise((resolve) => child.on("close", (code) => resolve(code)));
  }

  /** Waits until the output shows `pattern`, and returns the match. */
  async waitFor(pattern: RegExp): Promise<RegExpMatchArray> {
    await expect.poll(() => pattern.test(this.stdout + this.stderr), { timeout: 15_000 }).toBe(true);
    return (this.stdout + this.stderr).match(pattern) as RegExpMatchArray;
  }

  /** The code and the approval link `keysmith login` printed. */
  async loginPrompt(): Promise<{ code: string; url: string }> {
    const [, code] = await this.waitFor(/one-time code: ([A-Z]{4}-[A-Z]{4})/);
    const [, url] = await this.waitFor(/in your browser: (\S+)/);
    return { code, url };
  }

  async result(): Promise<CliResult> {
    return finished(this);
  }
}

async function finished(cli: RunningCli): Promise<CliResult> {
  const code = await cli.exited;
  return { code, stdout: cli.stdout, stderr: cli.stderr };
}
