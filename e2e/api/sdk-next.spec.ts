import { type ChildProcess, spawn } from "node:child_process";
import { expect, test } from "@playwright/test";
import { checkMiddleware, type SdkWorkspace, sdkWorkspace } from "../support/sdk";
import { freePort } from "../support/server";

// @keysmith/sdk/next inside a real Next.js app (packages/sdk/test/next-app) run with the
// root's `next dev` on a free port: every route answered in ≈ 3–8 s on these machines, most
// of it compiling the first routes. One worker starts it; the tests take turns.
test.describe.configure({ mode: "serial" });

let app: ChildProcess | undefined;
let appUrl = "";
let output = "";

test.beforeAll(async ({ baseURL }) => {
  test.setTimeout(120_000);
  const port = await freePort();
  appUrl = `http://127.0.0.1:${port}`;
  app = spawn(
    process.execPath,
    [
      "node_modules/next/dist/bin/next",
      "dev",
      "packages/sdk/test/next-app",
      "--port",
      String(port),
      "--hostname",
      "127.0.0.1",
    ],
    {
      env: { ...process.env, KEYSMITH_URL: baseURL!, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "development", PORT: "" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  app.stdout?.on("data", (chunk) => (output += chunk));
  app.stderr?.on("data", (chunk) => (output += chunk));
  const started = Date.now();
  // Ready once each route has compiled and refuses a request without a key (/custom with its own 418).
  for (const path of ["/open", "/audit", "/custom", "/items/1"]) {
    for (;;) {
      if (app.exitCode !== null) throw new Error(`next dev exited:\n${output}`);
      const status = await fetch(`${appUrl}${path}`).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 401 || status === 418) break;
      if (Date.now() - started > 100_000)
        throw new Error(`next dev did not answer ${path} (last ${status}):\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  console.log(`next dev answered every route in ${Date.now() - started} ms`);
});

test.afterAll(async () => {
  if (app && app.exitCode === null) {
    const exited = new Promise((resolve) => app?.once("exit", resolve));
    app.kill("SIGTERM");
    await exited;
  }
});

let workspace: SdkWorkspace;

test("Next.js withKeysmith: 401 without a usable key, 403 without the scope or from another address, 429 over the limit; the handler gets the answer", async ({
  baseURL,
}) => {
  workspace = await sdkWorkspace(baseURL!);
  await checkMiddleware(appUrl, workspace);
});

test("Next.js withKeysmith: the route's own context (params) reaches the handler beside the answer", async ({
  baseURL,
}) => {
  workspace ??= await sdkWorkspace(baseURL!);
  const res = await fetch(`${appUrl}/items/42`, {
    headers: { authorization: `Bearer ${workspace.adminKey}`, "x-forwarded-for": "127.0.0.1" },
  });
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({
    id: "42",
    keysmith: { valid: true, workspaceId: workspace.owner.workspace.id },
  });
});
