import { existsSync } from "node:fs";
import { isAbsolute } from "node:path";

/**
 * How Keysmith's server is started, everywhere it is started from code (tests, benchmarks):
 * the same as `npm start` (checked by scripts/server-command.test.ts and e2e/api/boot.spec.ts).
 * The preload runs before the app.
 *
 * A young generation of two 4 MB semi-spaces instead of Node 24's default (it grows to
 * 128 MB on a machine with gigabytes): the verify path's garbage goes in shorter, more
 * frequent scavenges, for a lower verify p99 and ~150 MB less RSS than Node's defaults.
 * The old generation may grow to 1.5× what the last full collection kept before the next
 * one, instead of up to 4× on a machine with gigabytes.
 * No allocation-site pretenuring: node:http's request and response objects are allocated
 * at the same sites for a slow dashboard request and a 1 ms verification; once the API's
 * requests had outlived a few scavenges, V8 allocated every later verification's objects
 * straight into the old generation, where they died by the megabyte and forced a full
 * collection every ~2 s (bench/results/node-flags.md, bench/results/soak.md).
 * WebAssembly (PGlite's PostgreSQL, Prisma's query engine) compiled by Liftoff, V8's
 * baseline compiler, alone: no optimised copy of the modules' hot code is kept, 60–95 MB
 * less RSS. PostgreSQL runs in its own thread, so its slower statements wait nobody's
 * verification (bench/results/node-flags.md).
 */
export const SERVER_V8_FLAGS = [
  "--max-semi-space-size=4",
  "--heap-growing-percent=50",
  "--no-allocation-site-pretenuring",
  "--liftoff-only",
];

/** Where `npm run build` puts the compiled production server (scripts/build-server.ts). */
export const SERVER_BUILD_DIR = ".next/keysmith";

/** The production server compiled into `buildDir` (by default where `npm run build` puts it). */
export function serverNodeArgs(buildDir = SERVER_BUILD_DIR): string[] {
  // --import takes a module specifier: a relative path must start with ./
  const dir = isAbsolute(buildDir) ? buildDir : `./${buildDir}`;
  return [...SERVER_V8_FLAGS, "--import", `${dir}/preload.mjs`, `${buildDir}/server.mjs`];
}

export const SERVER_NODE_ARGS = serverNodeArgs();

/** Whether `npm run build` has compiled the production server into `buildDir`. */
export function isServerBuilt(buildDir = SERVER_BUILD_DIR): boolean {
  return existsSync(`${buildDir}/server.mjs`);
}

/** For tools that run the production server and leave building it to the user. */
export function requireServerBuilt(): void {
  if (!isServerBuilt()) throw new Error("build first: npm run build");
}

/** `npm run dev`: the sources themselves, through tsx. */
export const DEV_SERVER_NODE_ARGS = [
  ...SERVER_V8_FLAGS,
  "--import",
  "tsx",
  "--import",
  "./lib/boot/preload.ts",
  "server.ts",
  "--dev",
];
