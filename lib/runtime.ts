import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { type Auth, createAuth } from "./auth/auth";
import { type Database, isPostgresUrl, openDatabase } from "./db/client";
import { UsageRecorder } from "./verify/usage";

/**
 * Everything a Keysmith process holds once: the database, better-auth and the usage
 * counters. It lives on globalThis because Next bundles its own copy of every module
 * imported by route handlers, while server.ts imports the originals; both must share
 * one PGlite instance (it cannot be opened twice) and one set of counters.
 */
export interface Runtime {
  /** The clock every request reads; tests replace it to move through expiry and grace periods. */
  now: () => Date;
  database: Database;
  auth: Auth;
  usage: UsageRecorder;
  close(): Promise<void>;
}

const RUNTIME = Symbol.for("keysmith.runtime");
type Holder = typeof globalThis & { [RUNTIME]?: Promise<Runtime> };

export function getRuntime(): Promise<Runtime> {
  const holder = globalThis as Holder;
  holder[RUNTIME] ??= startRuntime().catch((error) => {
    delete holder[RUNTIME];
    throw error;
  });
  return holder[RUNTIME];
}

export function dataDir(): string {
  return process.env.KEYSMITH_DATA_DIR ?? join(/*turbopackIgnore: true*/ process.cwd(), ".data");
}

/** KEYSMITH_DATA_DIR=memory:// keeps everything in memory (tests). */
function pgliteDir(): string {
  return dataDir() === "memory://" ? "memory://" : join(/*turbopackIgnore: true*/ dataDir(), "pglite");
}

export function publicBaseUrl(): string {
  return process.env.BETTER_AUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
}

async function startRuntime(): Promise<Runtime> {
  const url = process.env.DATABASE_URL;
  const database = await openDatabase({
    url,
    dataDir: isPostgresUrl(url) ? undefined : pgliteDir(),
  });
  const auth = createAuth(database.db, {
    baseURL: publicBaseUrl(),
    secret: authSecret(),
    rateLimit: process.env.KEYSMITH_AUTH_RATE_LIMIT !== "off",
  });
  const usage = new UsageRecorder(database.db);
  usage.start();
  return {
    now: () => new Date(),
    database,
    auth,
    usage,
    close: async () => {
      await usage.stop();
      await database.close();
    },
  };
}

/** BETTER_AUTH_SECRET, or one generated on first start and kept beside the data. */
function authSecret(): string {
  if (process.env.BETTER_AUTH_SECRET) return process.env.BETTER_AUTH_SECRET;
  if (dataDir() === "memory://") return randomBytes(32).toString("base64url");
  const file = join(/*turbopackIgnore: true*/ dataDir(), "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
