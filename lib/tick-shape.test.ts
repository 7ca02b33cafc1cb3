import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { pinTickObjectShape } from "./tick-shape";

describe("pinTickObjectShape", () => {
  it("holds a real nextTick queue entry", () => {
    const entry = pinTickObjectShape() as { callback?: unknown } | undefined;
    expect(entry).toBeDefined();
    expect(typeof entry?.callback).toBe("function");
  });

  it("keeps nextTick entries on one hidden class across full GCs with no tick pending", () => {
    // V8's own view, in a child with its test intrinsics: entries made after the GCs still
    // have the pinned entry's hidden class, so the caches built for it stay valid.
    const probe = `
      import { pinTickObjectShape } from "./lib/tick-shape.ts";
      import { createHook } from "node:async_hooks";
      const sameMap = new Function("a", "b", "return %HaveSameMap(a, b)");
      const pinned = pinTickObjectShape();
      setTimeout(() => {
        gc(); gc();
        let later;
        const hook = createHook({ init(id, type, trigger, resource) { if (type === "TickObject") later = resource; } }).enable();
        process.nextTick(() => {});
        hook.disable();
        console.log(JSON.stringify({ pinned: Boolean(pinned), sameMap: sameMap(pinned, later) }));
      }, 50);
    `;
    const output = execFileSync(
      process.execPath,
      ["--expose-gc", "--allow-natives-syntax", "--import", "tsx", "--input-type=module", "-e", probe],
      { encoding: "utf8" },
    );
    expect(JSON.parse(output)).toEqual({ pinned: true, sameMap: true });
  });
});
