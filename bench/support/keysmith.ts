import { SERVER_NODE_ARGS } from "../../scripts/server-command";
import { type Started, startProcess, waitFor } from "./processes";

/**
 * Keysmith started exactly as `npm start` starts it (`NODE_ENV=production node <SERVER_NODE_ARGS>`:
 * the compiled server), on its own port and data folder, with no tuning: every KEYSMITH_*
 * variable (and the database and auth settings) the benchmark's own environment may hold is
 * left out.
 */
export interface KeysmithOptions {
  port: number;
  dataDir: string;
  /** Another checkout to start (a baseline build of another commit); this one by default. */
  cwd?: string;
}

export interface Keysmith {
  url: string;
  process: Started;
  /** Date.now() when /api/health first answered 200. */
  healthyAt: number;
  /** SIGTERM (pending usage is flushed), then waits for the exit. */
  stop(): Promise<number | null>;
}

/** Variables that would change how Keysmith runs; none of them reaches the server under test. */
const UNSET = /^(KEYSMITH_|DATABASE_URL$|BETTER_AUTH_|PORT$|HOST$|NODE_ENV$|NODE_OPTIONS$)/;

/** What the benchmark sets, in the order it is printed in reports. */
export function keysmithEnv(options: KeysmithOptions): Record<string, string> {
  return {
    NODE_ENV: "production",
    PORT: String(options.port),
    KEYSMITH_DATA_DIR: options.dataDir,
  };
}

/** The command line, for reports. */
export function keysmithCommand(options: KeysmithOptions): string {
  const env = Object.entries(keysmithEnv(options)).map(([name, value]) => `${name}=${value}`);
  return `${env.join(" ")} node ${SERVER_NODE_ARGS.join(" ")}`;
}

export async function startKeysmith(options: KeysmithOptions): Promise<Keysmith> {
  const inherited = Object.entries(process.env).filter(([name]) => !UNSET.test(name));
  const env = { ...Object.fromEntries(inherited), ...keysmithEnv(options) } as NodeJS.ProcessEnv;
  const child = startProcess("keysmith", process.execPath, SERVER_NODE_ARGS, env, options.cwd);
  const url = `http://127.0.0.1:${options.port}`;
  const healthyAt = await waitFor(`${url}/api/health`, child);
  return { url, process: child, healthyAt, stop: () => child.stop("SIGTERM") };
}
