import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { type Auth, createAuth } from "./auth/auth";
import { systemNow } from "./clock";
import { type Database, isPostgresUrl, openDatabase } from "./db/client";
import type { KeyLookup } from "./keys/authenticate";
import { startEventLoopMonitor } from "./metrics/event-loop";
import { onInvalidation } from "./verify/invalidation";
import { InvalidationRelay } from "./verify/invalidation-relay";
import { KeyCache } from "./verify/key-cache";
import { FixedWindowLimiter } from "./verify/rate-limit";
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
  keyCache: KeyCache;
  keyLookup: KeyLookup;
  /** Failed verifications per source address. */
  failureLimiter: FixedWindowLimiter;
  verifyLimits: { failureLimit: { max: number; windowMs: number } };
  metrics: Metrics;
  /** PostgreSQL only: carries cache invalidations to and from the other instances. */
  relay: InvalidationRelay | null;
  /** Set when shutdown begins: /api/ready answers 503 so load balancers stop sending traffic. */
  draining: boolean;
  /** Flushes usage, then closes the listener and the database (after the server stopped). */
  close(): Promise<void>;
}

export interface Metrics {
  verifyRequests: number;
  keyCacheHits: number;
  keyCacheMisses: number;
  dbQueries: number;
  dbWrites: number;
}

// A WITH statement writes when one of its parts does (the usage flush: WITH … INSERT … UPDATE).
const WRITE_SQL =
  /^\s*(INSERT|UPDATE|DELETE|UPSERT|MERGE|CREATE|ALTER|DROP|TRUNCATE|WITH\b[\s\S]*\b(INSERT|UPDATE|DELETE)\b)/i;

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
  startEventLoopMonitor();
  const url = process.env.DATABASE_URL;
  const metrics: Metrics = { verifyRequests: 0, keyCacheHits: 0, keyCacheMisses: 0, dbQueries: 0, dbWrites: 0 };
  const database = await openDatabase({
    url,
    dataDir: isPostgresUrl(url) ? undefined : pgliteDir(),
    poolSize: envNumber("KEYSMITH_DB_POOL_SIZE", 10),
    onQuery: (sql) => {
      metrics.dbQueries++;
      if (WRITE_SQL.test(sql)) metrics.dbWrites++;
    },
  });
  const auth = createAuth(database.db, {
    baseURL: publicBaseUrl(),
    secret: authSecret(),
    rateLimit: process.env.KEYSMITH_AUTH_RATE_LIMIT !== "off",
  });
  const usage = new UsageRecorder(database.db);
  usage.start();
  const keyCache = new KeyCache({
    maxEntries: envNumber("KEYSMITH_KEY_CACHE_SIZE", 100_000),
    // An unknown hash cannot become a key later (new keys carry fresh random secrets), so
    // remembering it is safe for as long as a known one; the bound and the per-address
    // failure limit keep guessing from filling memory or the database.
    maxNegative: 50_000,
    // Changes reach the cache as invalidation events; the TTL is only a safety net.
    ttlMs: envNumber("KEYSMITH_KEY_CACHE_TTL_MS", 10 * 60_000),
    negativeTtlMs: envNumber("KEYSMITH_KEY_CACHE_TTL_MS", 10 * 60_000),
  });
  const unsubscribe = onInvalidation((event) => keyCache.invalidate(event));
  const relay =
    database.pool && database.url
      ? new InvalidationRelay({
          url: database.url,
          pool: database.pool,
          cache: keyCache,
          retryMs: envNumber("KEYSMITH_LISTENER_RETRY_MS", 100),
          heartbeatMs: envNumber("KEYSMITH_LISTENER_HEARTBEAT_MS", 5_000),
        })
      : null;
  await relay?.start();
  return {
    now: systemNow,
    database,
    auth,
    usage,
    keyCache,
    keyLookup: {
      db: database.db,
      cache: keyCache,
      keyLimiter: new FixedWindowLimiter(),
      onLookup: (hit) => (hit ? metrics.keyCacheHits++ : metrics.keyCacheMisses++),
    },
    failureLimiter: new FixedWindowLimiter(),
    verifyLimits: {
      failureLimit: {
        max: envNumber("KEYSMITH_VERIFY_FAILURE_LIMIT", 1000),
        windowMs: envNumber("KEYSMITH_VERIFY_FAILURE_WINDOW_MS", 60_000),
      },
    },
    metrics,
    relay,
    draining: false,
    close: async () => {
      await usage.stop();
      await relay?.close();
      unsubscribe();
      await database.close();
    },
  };
}

function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
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
