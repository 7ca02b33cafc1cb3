import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/**
 * Playwright's global setup: the tests drive the built CLI (packages/cli/dist), which imports
 * the built SDK. Both are built here when their dist is missing or older than their sources,
 * so a fresh clone's `npm test` (or a single `npx playwright test e2e/api/cli.spec.ts`) works.
 */
const PACKAGES = ["sdk", "cli"];

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

export default function buildPackages(): void {
  for (const name of PACKAGES) {
    const root = join("packages", name);
    const built = existsSync(join(root, "dist")) ? newest(join(root, "dist")) : 0;
    if (built > 0 && built >= Math.max(newest(join(root, "src")), statSync(join(root, "package.json")).mtimeMs))
      continue;
    console.log(`[build-packages] building @keysmith/${name}`);
    execFileSync("npm", ["run", "-s", "build", "-w", `@keysmith/${name}`], { stdio: "inherit" });
  }
}
