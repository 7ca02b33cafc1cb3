import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { type Auth, createAuth } from "./auth/auth";
import { trustedOrigins } from "./auth/same-origin";
import { systemNow } from "./clock";
import { config, dataDir, publicBaseUrl } from "./config";
import { type Database, isPostgresUrl, openDatabase } from "./db/client";
import { postgresError } from "./db/errors";
import { unreadableKeyTable } from "./db/open-error";
import { onChange } from "./events/changes";
import { DEGRADED_TTL_MS, PostgresRelay } from "./events/postgres-relay";
import {
  readImportedWorkspaceIds,
  readKeyHashPrefixes,
  readKeyStates,
  readRecentKeyStates,
} from "./keys/key-state-query";
import { startKeySweeper } from "./keys/key-sweeper";
import { startEventLoopMonitor } from "./metrics/event-loop";
import { BatchLoader } from "./verify/batch-loader";
import { ImportedWorkspaces } from "./verify/imported-workspaces";
import { KeyCache } from "./verify/key-cache";
import { KeyIndex } from "./verify/key-index";
import { KeyRefresher } from "./verify/key-refresh";
import { LookupBudget } from "./verify/lookup-budget";
import { FixedWindowLimiter } from "./verify/rate-limit";
import { UsageRecorder } from "./verify/usage";
import { Verifier } from "./verify/verifier";
import { WebhookWorker } from "./webhooks/worker";

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
  /** The origins cookie-authenticated mutations may come from: BETTER_AUTH_URL's (lib/auth/same-origin.ts). */
  trustedOrigins: readonly string[];
  usage: UsageRecorder;
  /** Judges every presented key: the verify endpoint's and the REST API's. */
  verifier: Verifier;
  keyCache: KeyCache;
  keyIndex: KeyIndex;
  /** Workspaces holding imported keys: only for them are keys in other formats looked up. */
  importedWorkspaces: ImportedWorkspaces;
  metrics: Metrics;
  /** PostgreSQL only: carries the change bus to and from the other instances. */
  relay: PostgresRelay | null;
  /** Sends queued webhook deliveries; server.ts starts it (route handlers wake it). */
  webhooks: WebhookWorker;
  /** Set when shutdown begins: /api/ready answers 503 so load balancers stop sending traffic. */
  draining: boolean;
  /** Flushes usage, then closes the listener and the database (after the server stopped). */
  close(): Promise<void>;
}

export interface Metrics {
  verifyRequests: number;
  dbQueries: number;
  dbWrites: number;
}

// A usage flush is `WITH counted AS (INSERT …) UPDATE …`: a statement that writes anywhere counts.
const WRITE_SQL =
  /^\s*(?:WITH\b[\s\S]*?\b(?:INSERT|UPDATE|DELETE)\b|INSERT|UPDATE|DELETE|UPSERT|MERGE|CREATE|ALTER|DROP|TRUNCATE)\b/i;

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

/** KEYSMITH_DATA_DIR=memory:// keeps everything in memory (tests). */
function pgliteDir(): string {
  return dataDir() === "memory://" ? "memory://" : join(/*turbopackIgnore: true*/ dataDir(), "pglite");
}

async function startRuntime(): Promise<Runtime> {
  startEventLoopMonitor();
  const settings = config();
  const url = settings.DATABASE_URL;
  const metrics: Metrics = { verifyRequests: 0, dbQueries: 0, dbWrites: 0 };
  const database = await openDatabase({
    url,
    dataDir: isPostgresUrl(url) ? undefined : pgliteDir(),
    poolSize: settings.KEYSMITH_DB_POOL_SIZE,
    onQuery: (sql) => {
      metrics.dbQueries++;
      if (WRITE_SQL.test(sql)) metrics.dbWrites++;
    },
  });
  const origins = trustedOrigins(publicBaseUrl());
  const auth = createAuth(database.db, {
    baseURL: publicBaseUrl(),
    trustedOrigins: origins,
    secret: authSecret(),
    rateLimit: settings.KEYSMITH_AUTH_RATE_LIMIT,
    mail: settings.SMTP_URL !== undefined,
  });
  const usage = new UsageRecorder(database.db, settings.KEYSMITH_USAGE_FLUSH_MS);
  usage.start();
  const cacheSize = settings.KEYSMITH_KEY_CACHE_SIZE;
  const keyCache = new KeyCache({
    maxEntries: cacheSize,
    // Only hashes the database was asked about are remembered (the key index answers the
    // rest), so this stays small even under a flood of random keys.
    maxNegative: 50_000,
    // Changes reach the cache on the change bus; the TTL is only a safety net.
    ttlMs: settings.KEYSMITH_KEY_CACHE_TTL_MS,
    negativeTtlMs: settings.KEYSMITH_KEY_CACHE_TTL_MS,
  });
  // One process owns the embedded database, so every key is created here: the index is complete.
  const keyIndex = new KeyIndex(database.backend === "pglite");
  const importedWorkspaces = new ImportedWorkspaces();
  const unsubscribe = onChange((change) => {
    if (change.type === "key-created") {
      keyIndex.add(change.hashPrefix);
      if (change.importedInto) importedWorkspaces.add(change.importedInto);
    }
    // The relay may have missed an import's announcement: read the list again (a missed key
    // creation needs nothing: the index answers "unknown" on PostgreSQL).
    if (change.type === "all") {
      readImportedWorkspaceIds(database.db).then(
        (ids) => importedWorkspaces.load(ids),
        (error) => console.error("[keysmith] could not reread the workspaces with imported keys:", error),
      );
    }
    keyCache.apply(change);
  });
  try {
    keyIndex.load(await readKeyHashPrefixes(database.db));
    importedWorkspaces.load(await readImportedWorkspaceIds(database.db));
    await warmKeyCache(database, keyCache, cacheSize);
  } catch (error) {
    await database.close().catch(() => {});
    throw postgresError(error) ? unreadableKeyTable(database.where, error) : error;
  }
  const readCachedKeys = (hashes: readonly string[]) => readKeyStates(database.db, hashes);
  const lookupsPerSource = settings.KEYSMITH_LOOKUP_BUDGET_PER_SOURCE;
  const lookupsOverall = settings.KEYSMITH_LOOKUP_BUDGET_TOTAL;
  const verifier = new Verifier({
    cache: keyCache,
    index: keyIndex,
    budget: new LookupBudget({
      perSource: { perSecond: lookupsPerSource, burst: lookupsPerSource * 5 },
      overall: { perSecond: lookupsOverall, burst: lookupsOverall * 5 },
    }),
    loader: new BatchLoader(readCachedKeys),
    keyLimiter: new FixedWindowLimiter(),
    imported: importedWorkspaces,
  });
  const relay =
    database.pool && database.url
      ? new PostgresRelay({
          url: database.url,
          pool: database.pool,
          onTrust: (trusted) => keyCache.capTtl(trusted ? null : DEGRADED_TTL_MS),
          retryMs: settings.KEYSMITH_LISTENER_RETRY_MS,
          heartbeatMs: settings.KEYSMITH_LISTENER_HEARTBEAT_MS,
        })
      : null;
  await relay?.start();
  const runtime: Runtime = {
    now: systemNow,
    database,
    auth,
    trustedOrigins: origins,
    usage,
    verifier,
    keyCache,
    keyIndex,
    importedWorkspaces,
    metrics,
    relay,
    webhooks: new WebhookWorker(database.db, () => runtime.now(), {
      timeoutMs: settings.KEYSMITH_WEBHOOK_TIMEOUT_MS,
      backoffMs: settings.KEYSMITH_WEBHOOK_BACKOFF_MS,
      backoffMaxMs: settings.KEYSMITH_WEBHOOK_BACKOFF_MAX_MS,
      retryWindowMs: settings.KEYSMITH_WEBHOOK_RETRY_WINDOW_MS,
      disableAfterMs: settings.KEYSMITH_WEBHOOK_DISABLE_AFTER_MS,
      leaseMs: settings.KEYSMITH_WEBHOOK_LEASE_MS,
      pollMs: settings.KEYSMITH_WEBHOOK_POLL_MS,
      allowPrivate: settings.KEYSMITH_WEBHOOK_ALLOW_PRIVATE,
      logRetentionMs: settings.KEYSMITH_WEBHOOK_LOG_RETENTION_MS,
    }),
    draining: false,
    close: async () => {
      stopKeySweeper();
      await keyRefresher.stop();
      await runtime.webhooks.stop();
      await usage.stop();
      await relay?.close();
      unsubscribe();
      await database.close();
    },
  };
  // Reads the runtime's clock each time: tests move it.
  const stopKeySweeper = startKeySweeper(database.db, () => runtime.now(), settings.KEYSMITH_EXPIRY_SWEEP_MS);
  const keyRefresher = new KeyRefresher(keyCache, readCachedKeys, () => runtime.now().getTime());
  keyRefresher.start();
  return runtime;
}

/** Keys used in this window before a restart are read into the cache before the first request. */
const WARM_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Reads the keys used lately into the cache before serving, so that a restart does not send
 * the first seconds of traffic to the database one cold key at a time.
 */
async function warmKeyCache(database: Database, cache: KeyCache, limit: number): Promise<void> {
  const started = performance.now();
  const now = systemNow();
  const generation = cache.currentGeneration();
  const states = await readRecentKeyStates(database.db, new Date(now.getTime() - WARM_WINDOW_MS), now, limit);
  cache.fill(states, generation, now.getTime());
  if (states.size > 0) {
    console.log(
      `[keysmith] key cache warmed with ${states.size} keys in ${Math.round(performance.now() - started)} ms`,
    );
  }
}

/** BETTER_AUTH_SECRET, or one generated on first start and kept beside the data. */
function authSecret(): string {
  const { BETTER_AUTH_SECRET } = config();
  if (BETTER_AUTH_SECRET) return BETTER_AUTH_SECRET;
  if (dataDir() === "memory://") return randomBytes(32).toString("base64url");
  const file = join(/*turbopackIgnore: true*/ dataDir(), "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
