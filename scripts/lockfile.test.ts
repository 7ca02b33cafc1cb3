import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/**
 * What `npm ci` checks before it installs anything: the lock file's root matches
 * package.json, and every optional dependency of every locked package has an entry (for
 * other platforms' native packages, the version-only entries scripts/complete-lockfile.mjs
 * adds). A lock file failing this makes `npm ci` refuse with "Missing: … from lock file".
 */
const pkg = JSON.parse(readFileSync("package.json", "utf8"));
const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
const packages: Record<string, { version?: string; optionalDependencies?: Record<string, string> }> = lock.packages;

function resolves(from: string, name: string): boolean {
  let dir = from;
  for (;;) {
    if (packages[`${dir ? `${dir}/` : ""}node_modules/${name}`]) return true;
    if (!dir) return false;
    const at = dir.lastIndexOf("/node_modules/");
    dir = at === -1 ? "" : dir.slice(0, at);
  }
}

describe("package-lock.json", () => {
  it("records package.json's dependencies as they are", () => {
    const root = packages[""] as Record<string, unknown>;
    for (const field of ["dependencies", "devDependencies", "optionalDependencies", "engines"]) {
      expect(root[field] ?? {}, field).toEqual(pkg[field] ?? {});
    }
  });

  it("has an entry for every dependency of every locked package, optional ones included", () => {
    const missing: string[] = [];
    for (const [path, entry] of Object.entries(packages)) {
      const deps = { ...(entry as { dependencies?: object }).dependencies, ...entry.optionalDependencies };
      for (const name of Object.keys(deps)) if (!resolves(path, name)) missing.push(`${path || "(root)"} → ${name}`);
    }
    expect(missing).toEqual([]);
  });
});
