import { describe, expect, it } from "vitest";
import { openPGlite } from "./pglite";
import { PGLITE_ARGUMENTS, rewriteArguments } from "./pglite-settings";

describe("rewriteArguments", () => {
  const memory = () => new Uint8Array(Buffer.from("\0shared_buffers=128MB\0-B\0work_mem=4MB\0work_mem=4MB\0"));

  it("rewrites a NUL-terminated string in place, padding with NULs", () => {
    const heap = memory();
    rewriteArguments(heap, { "shared_buffers=128MB": "shared_buffers=8MB" }, () => {});
    expect(Buffer.from(heap).toString("latin1")).toBe("\0shared_buffers=8MB\0\0\0-B\0work_mem=4MB\0work_mem=4MB\0");
  });

  it("reports what it cannot rewrite safely: absent, ambiguous or longer", () => {
    const missing: string[] = [];
    const heap = memory();
    rewriteArguments(
      heap,
      { "temp_buffers=8MB": "temp_buffers=1MB", "work_mem=4MB": "work_mem=1MB", "-B": "-BB" },
      (argument) => missing.push(argument),
    );
    expect(missing).toEqual(["temp_buffers=8MB", "work_mem=4MB", "-B"]);
    expect(Buffer.from(heap).equals(Buffer.from(memory()))).toBe(true);
  });
});

// Guards an upgrade of PGlite: the settings live in its build's startup arguments.
describe("openPGlite", () => {
  it("starts postgres with Keysmith's settings", async () => {
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (message: string) => warnings.push(message);
    const pglite = openPGlite("memory://");
    try {
      for (const argument of Object.values(PGLITE_ARGUMENTS)) {
        const [name, value] = argument.split("=");
        const { rows } = await pglite.query<{ value: string }>("SELECT current_setting($1) AS value", [name]);
        expect([name, rows[0].value]).toEqual([name, value]);
      }
      expect(warnings).toEqual([]);
    } finally {
      console.warn = warn;
      await pglite.close();
    }
  });
});
