import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/** One wrk run of bench/verify/load.lua. Latencies in milliseconds. */
export interface WrkResult {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  /** Socket errors, timeouts and HTTP statuses ≥ 400, as wrk counts them. */
  errors: number;
  /** With `check`: what load.lua found in the answers. */
  checked?: AnswerCheck;
}

export interface AnswerCheck {
  /** Answers with a code the key cannot have, plus valid keys answered NOT_FOUND (see load.lua). */
  wrong: number;
  non200: number;
  status429: number;
}

export interface WrkOptions {
  duration: string;
  connections: number;
  threads?: number;
  /** Check every answer (costs the generator some throughput). */
  check?: boolean;
  /** Re-read the keys file when KEYS_FILE.version changes. */
  reload?: boolean;
}

export async function wrk(url: string, keysFile: string, options: WrkOptions): Promise<WrkResult> {
  const threads = options.threads ?? 2;
  const { stdout } = await run(
    "wrk",
    [
      `-t${threads}`,
      `-c${options.connections}`,
      `-d${options.duration}`,
      "--timeout",
      "5s",
      "-s",
      "bench/verify/load.lua",
      url,
    ],
    {
      env: {
        ...process.env,
        KEYS_FILE: keysFile,
        CHECK: options.check ? "1" : "0",
        RELOAD: options.reload ? "1" : "0",
      },
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  const fields = (tag: string) =>
    stdout
      .split("\n")
      .find((l) => l.startsWith(`${tag} `))
      ?.split(" ")
      .slice(1)
      .map(Number);
  const result = fields("RESULT");
  if (!result) throw new Error(`no result from wrk:\n${stdout}`);
  const [requests, durationUs, p50Us, p99Us, , errors, maxUs] = result;
  const seconds = durationUs / 1e6;
  const out: WrkResult = {
    requests,
    seconds,
    rps: requests / seconds,
    p50: p50Us / 1000,
    p99: p99Us / 1000,
    max: maxUs / 1000,
    errors,
  };
  const check = fields("CHECK");
  if (check) {
    const [wrong, non200, status429, unknownSent, notFound] = check;
    // More NOT_FOUND answers than unknown keys sent: valid keys were answered NOT_FOUND.
    out.checked = { wrong: wrong + Math.max(0, notFound - unknownSent), non200, status429 };
  }
  return out;
}
