import { randomUUID } from "node:crypto";
import { getRuntime, type Runtime } from "@/lib/runtime";

/**
 * Route handlers called in-process on an in-memory database, with the runtime's clock
 * under the test's control, for behaviour that depends on time (expiry, grace periods).
 */
process.env.KEYSMITH_DATA_DIR = "memory://";
process.env.BETTER_AUTH_SECRET ??= "in-process-test-secret-0123456789abcdef";
process.env.KEYSMITH_AUTH_RATE_LIMIT = "off";

const ORIGIN = "http://localhost:3000";
// biome-ignore lint/suspicious/noExplicitAny: route handlers each declare their own params shape
type Handler = (req: Request, ctx: { params: Promise<any> }) => Promise<Response>;

export interface InProcess {
  runtime: Runtime;
  now(): Date;
  advance(ms: number): void;
}

export async function startInProcess(start = new Date("2026-03-01T12:00:00.000Z")): Promise<InProcess> {
  const runtime = await getRuntime();
  let now = start;
  runtime.now = () => now;
  return { runtime, now: () => now, advance: (ms) => (now = new Date(now.getTime() + ms)) };
}

export async function signUpCookie(runtime: Runtime): Promise<string> {
  const email = `in-process-${randomUUID().slice(0, 8)}@example.com`;
  const res = await runtime.auth.api.signUpEmail({
    body: { name: "In Process", email, password: "correct-horse-battery" },
    asResponse: true,
  });
  return res.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

export interface CallOptions {
  cookie?: string;
  headers?: Record<string, string>;
  body?: unknown;
  params?: Record<string, string>;
}

export async function call(handler: Handler, method: string, path: string, options: CallOptions = {}) {
  const headers: Record<string, string> = { origin: ORIGIN, host: "localhost:3000", ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const req = new Request(`${ORIGIN}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const res = await handler(req, { params: Promise.resolve(options.params ?? {}) });
  return { status: res.status, body: res.status === 204 ? null : await res.json() };
}

/** A workspace made through its route by the user behind `cookie` (they own it); fails loudly otherwise. */
export async function createWorkspaceAs(
  cookie: string,
  workspace: { name: string; slug: string; keyPrefix: string },
): Promise<{ id: string; slug: string }> {
  const { POST } = await import("@/app/api/v1/workspaces/route");
  const created = await call(POST, "POST", "/api/v1/workspaces", { cookie, body: workspace });
  if (created.status !== 201)
    throw new Error(`workspace not created: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body;
}
