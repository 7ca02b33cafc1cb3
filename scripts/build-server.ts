import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { SERVER_BUILD_DIR } from "./server-command.ts";

/**
 * The production server, compiled to JavaScript beside Next's build (`npm run build` runs
 * this after `next build`): server.ts with the lib/ code it imports, the preload Node loads
 * before it, and the embedded database's worker thread. `npm start` runs these files, so the
 * server holds neither a TypeScript loader nor its compiled-source cache (≈ 40 MB of RSS:
 * bench/results/memory-floor.md). Packages stay imports of node_modules. `npm run dev` runs
 * the sources through tsx instead.
 */
export async function buildServer(outdir = SERVER_BUILD_DIR): Promise<void> {
  await compileForNode(
    {
      server: "server.ts",
      preload: "lib/boot/preload.ts",
    },
    outdir,
  );
}

/**
 * TypeScript entry points (output name → source) compiled as Keysmith's server is, into
 * `outdir` (emptied first), with the embedded database's worker beside them, named as
 * lib/db/pglite-thread.ts looks it up.
 */
export async function compileForNode(entryPoints: Record<string, string>, outdir: string): Promise<void> {
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: { ...entryPoints, "pglite-worker": "lib/db/pglite-worker.ts" },
    outdir,
    bundle: true,
    // Modules two entry points share (the preload's nextTick pin) must be loaded once.
    splitting: true,
    chunkNames: "shared-[hash]",
    format: "esm",
    // .next/package.json says "commonjs" (Next writes it): .mjs marks these files ES modules.
    outExtension: { ".js": ".mjs" },
    platform: "node",
    target: "node24",
    packages: "external",
    // For stack traces in terms of the sources: NODE_OPTIONS=--enable-source-maps.
    sourcemap: "linked",
    logLevel: "warning",
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildServer();
