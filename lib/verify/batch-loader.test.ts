import { describe, expect, it } from "vitest";
import type { KeyState } from "../keys/key-state";
import { BatchLoader } from "./batch-loader";

describe("BatchLoader", () => {
  it("reads the first miss at once and the misses that arrive meanwhile together", async () => {
    const reads: string[][] = [];
    const loader = new BatchLoader(async (hashes) => {
      reads.push([...hashes]);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return new Map(hashes.filter((h) => h !== "missing").map((h) => [h, { id: h } as KeyState]));
    });
    const results = await Promise.all(["a", "b", "c", "b", "missing"].map((hash) => loader.load(hash)));
    expect(reads).toEqual([["a"], ["b", "c", "missing"]]);
    expect(results.map((state) => state?.id ?? null)).toEqual(["a", "b", "c", "b", null]);
  });

  it("fails the waiters of a failed read, and goes on with the next", async () => {
    let calls = 0;
    const loader = new BatchLoader(async (hashes) => {
      calls++;
      if (calls === 1) throw new Error("database away");
      return new Map(hashes.map((h) => [h, { id: h } as KeyState]));
    });
    const first = loader.load("a");
    const second = loader.load("b");
    await expect(first).rejects.toThrow("database away");
    expect((await second)?.id).toBe("b");
  });
});
