import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";
import { dedupeServerChunks } from "./dedupe-server-chunks.ts";
import { SERVER_BUILD_DIR } from "./server-command.ts";

/**
 * The production server, compiled to JavaScript beside Next's build (`npm run build` runs
 * this after `next build`): server.ts with the lib/ code it imports, the preload Node loads
 * before it, and the embedded database's worker thread. `npm start` runs these files, so the
 * server holds neither a TypeScript loader nor its compiled-source cache (≈ 40 MB of RSS:
 * bench/README.md, Memory). Packages stay imports of node_modules. `npm run dev` runs the
 * sources through tsx instead.
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
    plugins: [queryCompilerReadOnDemand],
  });
}

const QUERY_COMPILER_BASE64 = "@prisma/client/runtime/query_compiler_bg.postgresql.wasm-base64.mjs";

/**
 * Prisma's query compiler ships as a module exporting its WebAssembly as a 2.5 MB base64
 * string, which the generated client imports once and decodes with `Buffer.from(wasm,
 * "base64")`. Imported, the module keeps its source and that string in memory for the
 * life of the process (5 MB). In its place the server gets an object whose `valueOf()`
 * reads the string from the same file when Buffer.from asks for it (Buffer.from takes an
 * object's valueOf()), so it is garbage once decoded.
 */
const queryCompilerReadOnDemand: Plugin = {
  name: "query-compiler-read-on-demand",
  setup(build) {
    build.onResolve({ filter: /query_compiler_bg\.postgresql\.wasm-base64\.mjs$/ }, (args) => ({
      path: args.path,
      namespace: "query-compiler",
    }));
    build.onLoad({ filter: /.*/, namespace: "query-compiler" }, () => ({
      loader: "js",
      resolveDir: process.cwd(),
      contents: `
        import { readFileSync } from "node:fs";
        import { createRequire } from "node:module";
        const file = createRequire(import.meta.url).resolve(${JSON.stringify(QUERY_COMPILER_BASE64)});
        export const wasm = {
          valueOf() {
            const source = readFileSync(file, "latin1");
            const start = source.indexOf('"') + 1;
            return source.slice(start, source.indexOf('"', start));
          },
        };
      `,
    }));
  },
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildServer();
  dedupeServerChunks();
}
