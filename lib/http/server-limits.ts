import { z } from "zod";

/**
 * How long a client may take to send its request, and how many connections one instance
 * keeps open at once: without them a slow client holds a connection for minutes (Node's
 * defaults: 60 s for headers, 300 s for the whole request, no cap on connections).
 */
export interface ServerLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  maxConnections: number;
}

const DEFAULTS = { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, maxConnections: 4_096 };

const VARIABLES = {
  headersTimeoutMs: "KEYSMITH_HEADERS_TIMEOUT_MS",
  requestTimeoutMs: "KEYSMITH_REQUEST_TIMEOUT_MS",
  maxConnections: "KEYSMITH_MAX_CONNECTIONS",
} as const;

const wholeNumber = z
  .string()
  .regex(/^[1-9][0-9]*$/)
  .transform(Number);

/** Reads the limits from the environment; a bad value throws one line naming the variable. */
export function serverLimits(env: NodeJS.ProcessEnv = process.env): ServerLimits {
  const limits = { ...DEFAULTS };
  for (const [field, variable] of Object.entries(VARIABLES) as [keyof ServerLimits, string][]) {
    const value = env[variable];
    if (value === undefined || value === "") continue;
    const parsed = wholeNumber.safeParse(value);
    if (!parsed.success) throw new Error(`${variable}=${JSON.stringify(value)}: expected a whole number above 0`);
    limits[field] = parsed.data;
  }
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
    throw new Error(
      `${VARIABLES.headersTimeoutMs} (${limits.headersTimeoutMs}) must not exceed ${VARIABLES.requestTimeoutMs} (${limits.requestTimeoutMs})`,
    );
  }
  return limits;
}
