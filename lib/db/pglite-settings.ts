import type { Extension } from "@electric-sql/pglite";

/**
 * PostgreSQL settings for the embedded database. PGlite 0.3 reads no postgresql.conf or
 * postgresql.auto.conf (ALTER SYSTEM has no effect) and has no option for them: its
 * WebAssembly build starts postgres with fixed `-c name=value` arguments, the strings
 * below on the left. shared_buffers=128MB alone made a fresh instance hold ~80–140 MB
 * more than it needs, because the buffer pool is zero-filled at start. So the arguments
 * are rewritten in the module's memory before postgres reads them, for new and existing
 * data folders and for memory:// alike. A replacement must not be longer than the
 * original; min_wal_size=80MB (already the default) lends its slot to max_connections.
 * Measured figures: bench/results/memory-floor.md.
 */
export const PGLITE_ARGUMENTS: Readonly<Record<string, string>> = {
  "shared_buffers=128MB": "shared_buffers=16MB",
};

/** Expected by PGlite's extension interface; rewrites the startup arguments. */
export function settingsExtension(onMissing: (argument: string) => void): Extension {
  return {
    name: "keysmith-settings",
    setup: async (_pg, emscriptenOpts) => ({
      emscriptenOpts: {
        ...emscriptenOpts,
        // preRun runs once the module is instantiated (its strings are in memory) and before main().
        preRun: [
          ...(emscriptenOpts.preRun ?? []),
          (mod: { HEAPU8: Uint8Array }) => rewriteArguments(mod.HEAPU8, PGLITE_ARGUMENTS, onMissing),
        ],
      },
    }),
  };
}

/** Replaces each NUL-terminated string that occurs exactly once; reports the others. */
export function rewriteArguments(
  memory: Uint8Array,
  replacements: Readonly<Record<string, string>>,
  onMissing: (argument: string) => void,
): void {
  const heap = Buffer.from(memory.buffer, memory.byteOffset, memory.byteLength);
  for (const [from, to] of Object.entries(replacements)) {
    const needle = Buffer.from(`\0${from}\0`, "latin1");
    const at = heap.indexOf(needle);
    if (to.length > from.length || at < 0 || heap.indexOf(needle, at + 1) >= 0) {
      onMissing(from);
      continue;
    }
    heap.fill(0, at + 1, at + 1 + from.length);
    heap.write(to, at + 1, "latin1");
  }
}
