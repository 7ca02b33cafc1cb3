import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";

/**
 * What `keysmith login` keeps: where Keysmith is, the key, and the workspace to act in.
 * `$XDG_CONFIG_HOME/keysmith/config.json` (else `~/.config/keysmith/config.json`), readable by
 * its owner only (file 0600, folder 0700). `source` says how the key came: a key made by
 * `keysmith login` is revoked by `keysmith logout`; one pasted with `--with-key` is the user's own.
 */
export interface StoredConfig {
  url?: string;
  apiKey?: string;
  workspace?: string;
  keyId?: string;
  source?: "login" | "key";
}

/** Environment variables (a plain record, so tests need not fake a whole process.env). */
export type Env = Record<string, string | undefined>;

export function configPath(env: Env = process.env): string {
  const base = env.XDG_CONFIG_HOME || join(homedir(), ".config");
  return join(base, "keysmith", "config.json");
}

export function readConfig(path = configPath()): StoredConfig {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as StoredConfig;
  } catch {
    // reported below
  }
  throw new CliError(`${path} is not a keysmith config file (JSON object expected): fix or remove it`);
}

/** Written to a temporary file created 0600 and renamed over the old one: never readable by others, never half-written. */
export function writeConfig(config: StoredConfig, path = configPath()): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, path);
}

export function removeConfig(path = configPath()): boolean {
  try {
    rmSync(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}

/** A failure to report as `keysmith: <message>` with exit status 1 (no stack trace). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** What a command runs with: the file, overridden by KEYSMITH_API_KEY and KEYSMITH_URL. */
export interface Settings {
  url: string | undefined;
  apiKey: string | undefined;
  workspace: string | undefined;
  stored: StoredConfig;
}

export function settings(env: Env = process.env): Settings {
  const stored = readConfig(configPath(env));
  return {
    url: env.KEYSMITH_URL || stored.url,
    apiKey: env.KEYSMITH_API_KEY || stored.apiKey,
    // A workspace chosen for the stored key means nothing to another key given in the environment.
    workspace: env.KEYSMITH_API_KEY ? undefined : stored.workspace,
    stored,
  };
}

/** An absolute http(s) URL without a trailing slash, or a CliError saying what is wrong. */
export function normaliseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CliError(`"${value}" is not a URL: use one such as https://keys.example.com`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new CliError(`"${value}" is not an http:// or https:// URL`);
  }
  return url.href.replace(/\/+$/, "");
}
