import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SERVER_NODE_ARGS } from "../../scripts/server-command";

/**
 * A separate Keysmith process (the production build) on its own port and data folder,
 * for tests that need their own settings or must stop the server. With
 * `env.DATABASE_URL=postgres://…` its data lives in that PostgreSQL database (several
 * instances may share it) and the data folder holds only the generated auth secret
 * (pass one BETTER_AUTH_SECRET to instances that must accept each other's sessions).
 */
export interface StartedServer {
  url: string;
  dataDir: string;
  process: ChildProcess;
  /** Sends `signal` and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  output(): string;
}

export async function startServer(
  port: number,
  env: Record<string, string> = {},
  /** Started once this answers 200 (a server whose database is failing is live but never ready). */
  probe = "/api/ready",
): Promise<StartedServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "keysmith-server-"));
  let output = "";
  // node itself (not npm): one process, so signals reach the server itself.
  const child = spawn(process.execPath, SERVER_NODE_ARGS, {
    env: {
      ...process.env,
      PORT: String(port),
      NODE_ENV: "production",
      KEYSMITH_DATA_DIR: dataDir,
      KEYSMITH_AUTH_RATE_LIMIT: "off",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  let stopping = false;
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (code, signal) => {
      // A server that dies under a test says why in the run's log, not only as "could not reach".
      if (!stopping) {
        console.error(
          `[server :${port}] exited by itself (code ${code}, signal ${signal}); its last output:\n${output.slice(-4000)}`,
        );
      }
      resolve(code);
    }),
  );
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      // Its own "ready" line too: a probe alone could be answered by another server on the port.
      if (output.includes("[keysmith] ready on") && (await fetch(`${url}${probe}`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      stopping = true;
      child.kill("SIGKILL");
      throw new Error(`server did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    dataDir,
    process: child,
    stop: (signal = "SIGTERM") => {
      stopping = true;
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
    output: () => output,
  };
}

/** A port nothing listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        address && typeof address === "object" ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** Reads one counter from /api/metrics. */
export async function metric(url: string, name: string): Promise<number> {
  const text = await (await fetch(`${url}/api/metrics`)).text();
  const line = text.split("\n").find((l) => l.startsWith(`${name} `));
  if (!line) throw new Error(`no metric ${name}`);
  return Number(line.split(" ")[1]);
}

/** Starts a server expected to refuse: its exit code and everything it printed. */
export async function refusedStart(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, SERVER_NODE_ARGS, {
    env: { ...process.env, PORT: String(await freePort()), NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  return { code, output };
}

/**
 * Signs up a new user on a started server over plain fetch; `post` then sends JSON with
 * that user's session cookie and a same-origin Origin, as the dashboard does.
 */
export async function signUpOn(url: string, name: string, email: string) {
  const headers = { origin: url, "content-type": "application/json" };
  const signUp = await fetch(`${url}/api/auth/sign-up/email`, {
    method: "POST",
    headers,
    body: JSON.stringify({ name, email, password: "correct-horse-battery" }),
  });
  const cookie = signUp.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const post = (path: string, body: unknown) =>
    fetch(`${url}${path}`, { method: "POST", headers: { ...headers, cookie }, body: JSON.stringify(body) });
  return { cookie, post };
}
