import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { pinnedTickObject } from "./tick-pin";

describe("pinnedTickObject", () => {
  it("is a real nextTick queue entry", () => {
    expect(pinnedTickObject).toBeDefined();
    expect(typeof (pinnedTickObject as { callback?: unknown }).callback).toBe("function");
  });

  it("keeps nextTick entries on one hidden class across full GCs with no tick pending", () => {
    // V8's own view, in a child with its test intrinsics: entries made after the GCs still
    // have the pinned entry's hidden class, so the caches built for it stay valid.
    const probe = `
      import { captureTickObject, pinnedTickObject } from "./lib/boot/tick-pin.ts";
      const sameMap = new Function("a", "b", "return %HaveSameMap(a, b)");
      setTimeout(() => {
        gc(); gc();
        const later = captureTickObject();
        console.log(JSON.stringify({ pinned: Boolean(pinnedTickObject), sameMap: sameMap(pinnedTickObject, later) }));
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
