import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";
import { SERVER_NODE_ARGS } from "./scripts/server-command";

// One production server for every test, on a fresh embedded database. The config is
// evaluated again in each worker; the env var keeps the data folder the same.
const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://localhost:${port}`;
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), "keysmith-e2e-"));

export default defineConfig({
  testDir: "e2e",
  // The CLI's tests run packages/cli/dist (and the SDK it imports): built here when stale.
  globalSetup: "./e2e/support/build-packages.ts",
  outputDir: "test-results/artifacts",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: !!process.env.CI,
  reporter: [
    ["list"],
    ["json", { outputFile: process.env.E2E_JSON_REPORT ?? "test-results/playwright.json" }],
    ["./e2e/support/failure-context-reporter.ts"],
  ],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "api", testMatch: "api/**/*.spec.ts" },
    // Several instances on a real PostgreSQL (skipped with a message when none is reachable);
    // the tests start their own servers on a fresh database. They time propagation between
    // instances in milliseconds, so scripts/test-all.sh runs this project on its own: on two
    // cores, a Chromium starting beside it once put a 260 ms stall into a revocation round.
    { name: "postgres", testMatch: "scale/**/*.spec.ts" },
    { name: "setup", testMatch: "browser/*.setup.ts" },
    {
      name: "chromium",
      testMatch: "browser/**/*.spec.ts",
      dependencies: ["setup"],
      // One more try in CI, for browser tests only: a page that once failed to show a freshly
      // seeded row (cause not found) should not void a day's work. The first try's page is
      // printed by failure-context-reporter and the summary counts the test as flaky.
      retries: process.env.CI ? 1 : 0,
      use: { storageState: "e2e/.auth/admin.json", permissions: ["clipboard-read", "clipboard-write"] },
    },
  ],
  webServer: {
    command: `node ${SERVER_NODE_ARGS.join(" ")}`,
    url: `${baseURL}/api/health`,
    timeout: 90_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      NODE_ENV: "production",
      KEYSMITH_DATA_DIR: process.env.E2E_DATA_DIR,
      KEYSMITH_USAGE_FLUSH_MS: "500",
      KEYSMITH_AUTH_RATE_LIMIT: "off",
      // Tests acting as many callers send their own X-Forwarded-For.
      KEYSMITH_TRUST_PROXY: "1",
      // The browser projects reuse the setup project's sign-in for the whole run, which can
      // outlast the default 10 minutes on a slow machine. Re-authentication is tested on
      // servers of its own with a 2-second limit (e2e/*/reauthentication.spec.ts).
      KEYSMITH_REAUTH_MAX_AGE_S: "86400",
      // Webhook tests receive deliveries on loopback, and retry within a second rather than minutes.
      // The refusal of private targets is tested on a server of its own (e2e/api/webhooks-ssrf.spec.ts).
      KEYSMITH_WEBHOOK_ALLOW_PRIVATE: "1",
      KEYSMITH_WEBHOOK_BACKOFF_MS: "250",
    },
  },
});
