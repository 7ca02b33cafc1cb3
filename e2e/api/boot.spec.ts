import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SERVER_NODE_ARGS } from "../../scripts/server-command";
import { freePort } from "../support/server";
import { expect, test } from "../support/test";

/**
 * lib/boot/preload.ts (the nextTick pin, the native clock) must be loaded by Node before the
 * application; server.ts refuses to start without it (both as `npm run build` compiles them).
 * `npm start` is what users run, so it is started here exactly as they start it.
 */
test.describe("start-up", () => {
  test("npm start loads the preload and serves", async () => {
    test.setTimeout(120_000);
    const port = await freePort();
    const child = spawn("npm", ["start"], {
      env: { ...process.env, PORT: String(port), KEYSMITH_DATA_DIR: mkdtempSync(join(tmpdir(), "keysmith-boot-")) },
      stdio: ["ignore", "pipe", "pipe"],
      // Its own process group: npm, its shell and node stop together.
      detached: true,
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    try {
      await expect
        .poll(
          async () => {
            if (child.exitCode !== null) throw new Error(`npm start exited ${child.exitCode}:\n${output}`);
            return fetch(`http://127.0.0.1:${port}/api/health`).then(
              (res) => res.status,
              () => 0,
            );
          },
          { timeout: 90_000, intervals: [250] },
        )
        .toBe(200);
      expect(output).toContain(`node ${SERVER_NODE_ARGS.join(" ")}`);
      expect(output).not.toContain("start the server with");
    } finally {
      if (child.pid) process.kill(-child.pid, "SIGKILL");
    }
  });

  test("the server refuses to start without the preload, and says how to start it", async () => {
    const withoutPreload = SERVER_NODE_ARGS.filter((arg, i, all) => arg !== "--import" && all[i - 1] !== "--import");
    expect(withoutPreload).toHaveLength(SERVER_NODE_ARGS.length - 2);
    const child = spawn(process.execPath, withoutPreload, {
      env: { ...process.env, PORT: String(await freePort()), NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stderr.on("data", (chunk) => (output += chunk));
    try {
      const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
      expect(code).toBe(1);
      expect(output).toContain(`start the server with: node ${SERVER_NODE_ARGS.join(" ")}`);
    } finally {
      child.kill("SIGKILL");
    }
  });
});
