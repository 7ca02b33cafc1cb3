import { type ChildProcess, spawn } from "node:child_process";

/**
 * The processes a benchmark starts (servers under test), with the tail of their output for
 * error messages; stopAll() kills whatever is still running when the benchmark ends.
 */
export interface Started {
  child: ChildProcess;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
  /** Sends `signal` (SIGTERM by default) and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  output(): string;
}

const running = new Set<ChildProcess>();
let stopping = false;

/** `env` is the whole environment of the child (callers decide what it inherits); `cwd` defaults to ours. */
export function startProcess(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv, cwd?: string): Started {
  const child = spawn(cmd, args, { env, cwd, stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk).slice(-8000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  let expected = false;
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => {
      running.delete(child);
      if (code && !expected && !stopping) console.error(`[bench] ${name} exited with ${code}:\n${output}`);
      resolve(code);
    }),
  );
  return {
    child,
    exited,
    stop: (signal = "SIGTERM") => {
      expected = true;
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
    output: () => output,
  };
}

export function stopAll(): void {
  stopping = true;
  for (const child of running) child.kill("SIGKILL");
}

/** Polls `url` every 50 ms until `accept` likes its status; returns when that was (Date.now()). */
export async function waitFor(
  url: string,
  started: Started,
  accept: (status: number) => boolean = (status) => status === 200,
  timeoutMs = 90_000,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (started.child.exitCode !== null) throw new Error(`exited before answering ${url}:\n${started.output()}`);
    try {
      if (accept((await fetch(url)).status)) return Date.now();
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s:\n${started.output()}`);
}
