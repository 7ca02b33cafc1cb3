import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileForNode } from "../../scripts/build-server";
import { pinTickObject, TICK_PIN } from "./tick-pin";

/**
 * What a tick costs before and after full GCs taken while no tick is pending, in a child
 * process: nanoseconds per tick, each over enough ticks for V8 to optimise nextTick, the
 * first round ending in a write to stdout from a tick (as a server's ticks write to sockets).
 */
const TICK_COST_PROBE = `
  const ticks = (count) => new Promise((resolve) => {
    let left = count;
    const started = process.hrtime.bigint();
    const step = () => {
      if (--left > 0) return process.nextTick(step);
      const cost = Number(process.hrtime.bigint() - started) / count;
      console.log(cost);
      resolve(cost);
    };
    process.nextTick(step);
  });
  const before = await ticks(2_000_000);
  for (let i = 0; i < 3; i++) gc();
  const after = await ticks(2_000_000);
  console.log(JSON.stringify({ before, after }));
`;

function tickCost(preload: string[]): { before: number; after: number } {
  const output = execFileSync(
    process.execPath,
    ["--expose-gc", ...preload, "--input-type=module", "-e", TICK_COST_PROBE],
    { encoding: "utf8" },
  );
  return JSON.parse(output.trim().split("\n").at(-1) ?? "");
}

describe("the nextTick pin", () => {
  let compiled: string;
  beforeAll(async () => {
    compiled = mkdtempSync(join(tmpdir(), "keysmith-preload-"));
    await compileForNode({ preload: "lib/boot/preload.ts" }, compiled);
  }, 60_000);
  afterAll(() => rmSync(compiled, { recursive: true, force: true }));

  it("holds a real nextTick queue entry on globalThis", () => {
    expect(pinTickObject()).toBe(true);
    const pinned = (globalThis as { [TICK_PIN]?: { callback?: unknown } })[TICK_PIN];
    expect(typeof pinned?.callback).toBe("function");
  });

  it("keeps nextTick as cheap after full GCs as before them, in the preload as npm run build compiles it", () => {
    // Without a pin, the GCs make every later tick several times dearer (checked first, so
    // that this test notices if a Node release makes the pin unnecessary).
    const unpinned = tickCost([]);
    expect(unpinned.after / unpinned.before).toBeGreaterThan(2);
    const pinned = tickCost(["--import", join(compiled, "preload.mjs")]);
    expect(pinned.after / pinned.before).toBeLessThan(1.5);
  }, 60_000);
});
