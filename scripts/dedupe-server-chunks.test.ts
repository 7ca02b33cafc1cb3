import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dedupeServerChunks } from "./dedupe-server-chunks";

/** A chunk as Turbopack writes one: an array of module ids and factories, then its map. */
function chunk(body: string, name: string): string {
  return `module.exports=[1,e=>{${body}}];\n\n//# sourceMappingURL=${name}.map`;
}

describe("dedupeServerChunks", () => {
  it("turns every later copy of a chunk into the first copy's exports, folder by folder", () => {
    const dir = mkdtempSync(join(tmpdir(), "chunks-"));
    mkdirSync(join(dir, "ssr"));
    const files = {
      "a.js": chunk("lib()", "a.js"),
      "b.js": chunk("lib()", "b.js"),
      "c.js": chunk("other()", "c.js"),
      "d.js": chunk("lib()", "d.js"),
      "ssr/e.js": chunk("lib()", "e.js"),
      "ssr/f.js": chunk("lib()", "f.js"),
      "a.js.map": "{}",
    };
    for (const [name, code] of Object.entries(files)) writeFileSync(join(dir, name), code);

    expect(dedupeServerChunks(dir)).toBe(3);

    for (const kept of ["a.js", "c.js", "ssr/e.js", "a.js.map"]) {
      expect(readFileSync(join(dir, kept), "utf8")).toBe(files[kept as keyof typeof files]);
    }
    const load = createRequire(join(dir, "index.js"));
    expect(load("./b.js")).toBe(load("./a.js"));
    expect(load("./d.js")).toBe(load("./a.js"));
    expect(load("./ssr/f.js")).toBe(load("./ssr/e.js"));
    expect(load("./c.js")).not.toBe(load("./a.js"));
    expect(load("./a.js")[0]).toBe(1);
    // A second build step over the same output changes nothing.
    expect(dedupeServerChunks(dir)).toBe(0);
  });
});
