import { join } from "node:path";
import { z } from "zod";

/**
 * Every environment variable Keysmith reads, parsed once at start-up: a bad value stops the
 * process with one line naming the variable, the value and what it must be. An empty value
 * counts as unset (as compose files and systemd units often leave them).
 */
interface Variable {
  schema: z.ZodType<unknown, string>;
  /** What a valid value looks like, for the error line. */
  expected: string;
  /** Used when the variable is unset; none means the setting is optional. */
  fallback?: string;
  /** Holds a credential: a bad value is named but not repeated in the error line. */
  secret?: true;
}

const variable = <const S extends Variable>(spec: S) => spec;

const wholeNumber = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(min).max(max));

const milliseconds = (min: number, fallback: number) =>
  variable({
    schema: wholeNumber(min),
    expected: `a whole number of milliseconds${min > 0 ? " above 0" : ""}`,
    fallback: String(fallback),
  });

const count = (fallback: number) =>
  variable({ schema: wholeNumber(1), expected: "a whole number above 0", fallback: String(fallback) });

export const VARIABLES = {
  PORT: variable({ schema: wholeNumber(1, 65_535), expected: "a port number from 1 to 65535", fallback: "3000" }),
  HOST: variable({ schema: z.string(), expected: "an address to listen on", fallback: "::" }),
  KEYSMITH_DATA_DIR: variable({ schema: z.string(), expected: "a folder, or memory://" }),
  DATABASE_URL: variable({
    schema: z.string().regex(/^postgres(ql)?:\/\/\S+$/),
    expected: "a postgres:// or postgresql:// URL (or nothing, for the embedded database)",
  }),
  BETTER_AUTH_URL: variable({
    schema: z.url({ protocol: /^https?$/, hostname: z.regexes.hostname }),
    expected: "the dashboard's public http:// or https:// URL",
  }),
  BETTER_AUTH_SECRET: variable({ schema: z.string().min(32), expected: "at least 32 characters" }),
  KEYSMITH_TRUST_PROXY: variable({
    schema: z.enum(["0", "1"]).transform((value) => value === "1"),
    expected: "1 (behind a reverse proxy) or 0",
    fallback: "0",
  }),
  KEYSMITH_AUTH_RATE_LIMIT: variable({
    schema: z.enum(["on", "off"]).transform((value) => value === "on"),
    expected: "on or off",
    fallback: "on",
  }),
  // The dashboard's sign-up (and an older account's next sign-in) issues the user's personal key.
  KEYSMITH_PERSONAL_KEY_AT_SIGNUP: variable({
    schema: z.enum(["on", "off"]).transform((value) => value === "on"),
    expected: "on or off",
    fallback: "on",
  }),
  // How recent a sign-in sensitive actions need (live keys, roles, security settings).
  KEYSMITH_REAUTH_MAX_AGE_S: variable({
    schema: wholeNumber(1),
    expected: "a whole number of seconds above 0",
    fallback: "600",
  }),
  KEYSMITH_USAGE_FLUSH_MS: milliseconds(1, 2_000),
  KEYSMITH_KEY_CACHE_SIZE: count(100_000),
  KEYSMITH_KEY_CACHE_TTL_MS: milliseconds(1, 10 * 60_000),
  KEYSMITH_LOOKUP_BUDGET_PER_SOURCE: count(20),
  KEYSMITH_LOOKUP_BUDGET_TOTAL: count(200),
  KEYSMITH_DB_POOL_SIZE: count(10),
  KEYSMITH_LISTENER_RETRY_MS: milliseconds(1, 100),
  KEYSMITH_LISTENER_HEARTBEAT_MS: milliseconds(1, 5_000),
  KEYSMITH_SHUTDOWN_DELAY_MS: milliseconds(0, 0),
  KEYSMITH_SHUTDOWN_GRACE_MS: milliseconds(0, 10_000),
  // Node's own defaults (60 s for headers, 300 s for a request, no connection cap) let a
  // slow client hold a connection for minutes.
  KEYSMITH_HEADERS_TIMEOUT_MS: milliseconds(1, 10_000),
  KEYSMITH_REQUEST_TIMEOUT_MS: milliseconds(1, 30_000),
  KEYSMITH_MAX_CONNECTIONS: count(4_096),
  KEYSMITH_EXPIRY_SWEEP_MS: milliseconds(1, 5_000),
  KEYSMITH_WS_AUTH_TIMEOUT_MS: milliseconds(1, 10_000),
  KEYSMITH_WS_PING_MS: milliseconds(1, 30_000),
  KEYSMITH_WS_MAX_BUFFER_BYTES: count(1024 * 1024),
  // Webhooks (lib/webhooks): production timings; tests shorten them.
  KEYSMITH_WEBHOOK_ALLOW_PRIVATE: variable({
    schema: z.enum(["0", "1"]).transform((value) => value === "1"),
    expected: "1 (local development: http:// and private or loopback targets allowed) or 0",
    fallback: "0",
  }),
  KEYSMITH_WEBHOOK_TIMEOUT_MS: milliseconds(1, 10_000),
  KEYSMITH_WEBHOOK_BACKOFF_MS: milliseconds(1, 5_000),
  KEYSMITH_WEBHOOK_BACKOFF_MAX_MS: milliseconds(1, 60 * 60_000),
  KEYSMITH_WEBHOOK_RETRY_WINDOW_MS: milliseconds(1, 24 * 60 * 60_000),
  KEYSMITH_WEBHOOK_DISABLE_AFTER_MS: milliseconds(1, 3 * 24 * 60 * 60_000),
  KEYSMITH_WEBHOOK_LEASE_MS: milliseconds(1, 60_000),
  KEYSMITH_WEBHOOK_POLL_MS: milliseconds(1, 5_000),
  // How long the delivery log keeps a delivered or failed delivery: 30 days.
  KEYSMITH_WEBHOOK_LOG_RETENTION_MS: milliseconds(1, 30 * 24 * 60 * 60_000),
  KEYSMITH_METRICS_TOKEN: variable({ schema: z.string().min(16), expected: "at least 16 characters" }),
  // Mail goes out through one SMTP server; without it the dashboard shows the links instead.
  SMTP_URL: variable({
    schema: z.url({ protocol: /^smtps?$/, hostname: z.regexes.hostname }),
    expected: "an smtp:// or smtps:// URL, such as smtp://user:password@mail.example.com:587",
    secret: true,
  }),
  MAIL_FROM: variable({
    schema: z.string().refine(isMailbox),
    expected: 'a sender address, such as keys@example.com or "Keysmith <keys@example.com>"',
  }),
} as const;

type Variables = typeof VARIABLES;
type Parsed<V> = V extends { schema: z.ZodType<infer T, string> } ? T : never;
type HasFallback<V> = V extends { fallback: string } ? true : false;

/** The parsed environment: a variable with a fallback is always set, the others may be undefined. */
export type Config = {
  readonly [K in keyof Variables]: HasFallback<Variables[K]> extends true
    ? Parsed<Variables[K]>
    : Parsed<Variables[K]> | undefined;
};

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

export function parseConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const config: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(VARIABLES) as [string, Variable][]) {
    const given = env[name] === "" ? undefined : env[name];
    const value = given ?? spec.fallback;
    if (value === undefined) continue;
    const parsed = spec.schema.safeParse(value);
    if (!parsed.success) {
      const shown = spec.secret ? "(value not shown)" : JSON.stringify(value);
      throw new ConfigError(`${name}=${shown}: expected ${spec.expected}`);
    }
    config[name] = parsed.data;
  }
  const parsed = config as Config;
  if (parsed.KEYSMITH_HEADERS_TIMEOUT_MS > parsed.KEYSMITH_REQUEST_TIMEOUT_MS) {
    throw new ConfigError(
      `KEYSMITH_HEADERS_TIMEOUT_MS (${parsed.KEYSMITH_HEADERS_TIMEOUT_MS}) must not exceed KEYSMITH_REQUEST_TIMEOUT_MS (${parsed.KEYSMITH_REQUEST_TIMEOUT_MS})`,
    );
  }
  if (parsed.KEYSMITH_WEBHOOK_LEASE_MS <= parsed.KEYSMITH_WEBHOOK_TIMEOUT_MS) {
    throw new ConfigError(
      `KEYSMITH_WEBHOOK_LEASE_MS (${parsed.KEYSMITH_WEBHOOK_LEASE_MS}) must exceed KEYSMITH_WEBHOOK_TIMEOUT_MS (${parsed.KEYSMITH_WEBHOOK_TIMEOUT_MS}): a delivery is held that long while it is sent`,
    );
  }
  if (parsed.SMTP_URL && !parsed.MAIL_FROM) {
    throw new ConfigError("MAIL_FROM is unset: SMTP_URL needs a sender address, such as keys@example.com");
  }
  return parsed;
}

/** `keys@example.com` or `Display Name <keys@example.com>`: what nodemailer takes as a sender. */
function isMailbox(value: string): boolean {
  const match = /^(?:[^<>\r\n]*<([^<>\s]+)>|([^<>\s]+))$/.exec(value.trim());
  const address = match?.[1] ?? match?.[2];
  return address !== undefined && z.email().safeParse(address).success;
}

const CONFIG = Symbol.for("keysmith.config");
type Holder = typeof globalThis & { [CONFIG]?: Config };

/**
 * The process's configuration, parsed on first use. server.ts calls it before anything
 * else, so a bad value stops the start; Next's copy of this module shares the result.
 */
export function config(): Config {
  const holder = globalThis as Holder;
  holder[CONFIG] ??= parseConfig(process.env);
  return holder[CONFIG];
}

/** KEYSMITH_DATA_DIR, or .data in the working directory. */
export function dataDir(): string {
  return config().KEYSMITH_DATA_DIR ?? join(/*turbopackIgnore: true*/ process.cwd(), ".data");
}

/** The dashboard's public URL: cookies, CSRF checks and invitation links are built on it. */
export function publicBaseUrl(): string {
  return config().BETTER_AUTH_URL ?? `http://localhost:${config().PORT}`;
}
