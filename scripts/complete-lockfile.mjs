// The npm registry mirror reachable here serves only Linux builds of platform-specific
// packages, so `npm install` leaves the other platforms' optional dependencies out of
// package-lock.json, and `npm ci` then refuses the lock file ("Missing: … from lock file").
// This adds a version-only, optional entry for each of them; npm ci skips them as
// optional packages it cannot or need not install. Run after changing dependencies:
// `npm run deps:lock`.
import { readFileSync, writeFileSync } from "node:fs";

const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
const packages = lock.packages;

/** Where node would resolve `name` from the package at `from`, if it is in the lock. */
function resolve(from, name) {
  let dir = from;
  for (;;) {
    const candidate = `${dir ? `${dir}/` : ""}node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!dir) return null;
    const at = dir.lastIndexOf("/node_modules/");
    dir = at === -1 ? "" : dir.slice(0, at);
  }
}

let added = 0;
for (const [path, pkg] of Object.entries(packages)) {
  for (const [name, range] of Object.entries(pkg.optionalDependencies ?? {})) {
    if (resolve(path, name)) continue;
    const key = packages[`node_modules/${name}`] ? `${path}/node_modules/${name}` : `node_modules/${name}`;
    packages[key] = {
      version: String(range).replace(/^[\^~=]/, ""),
      optional: true,
      ...(pkg.dev ? { dev: true } : {}),
    };
    added++;
  }
}
writeFileSync("package-lock.json", `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} optional platform entries`);
