import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DataDirLockedError, lockDataDir } from "./data-dir-lock";

const folder = () => join(mkdtempSync(join(tmpdir(), "keysmith-lock-")), "pglite");

/** A pid that existed and has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "console.log(process.pid)"], { encoding: "utf8" });
  return Number(child.stdout.trim());
}

describe("lockDataDir", () => {
  it("refuses a second holder while the first lives, naming the folder and the holder's pid", () => {
    const dir = folder();
    const lock = lockDataDir(dir);
    try {
      expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
      expect(() => lockDataDir(dir)).toThrow(`${dir} is in use by another Keysmith process (pid ${process.pid})`);
    } finally {
      lock.release();
    }
    expect(existsSync(`${dir}.lock`)).toBe(false);
    lockDataDir(dir).release();
  });

  it("takes over a lock whose owner is gone", () => {
    const dir = folder();
    writeFileSync(`${dir}.lock`, JSON.stringify({ pid: deadPid(), started: "1" }));
    const lock = lockDataDir(dir);
    expect(JSON.parse(readFileSync(`${dir}.lock`, "utf8")).pid).toBe(process.pid);
    lock.release();
  });

  it("takes over a lock whose pid now belongs to another process (a different start time)", () => {
    const dir = folder();
    writeFileSync(`${dir}.lock`, JSON.stringify({ pid: process.ppid, started: "not-its-start-time" }));
    const lock = lockDataDir(dir);
    lock.release();
  });

  it("takes over a lock file left half-written", () => {
    const dir = folder();
    writeFileSync(`${dir}.lock`, '{"pid":');
    lockDataDir(dir).release();
  });

  it("release leaves another owner's lock alone", () => {
    const dir = folder();
    const lock = lockDataDir(dir);
    writeFileSync(`${dir}.lock`, JSON.stringify({ pid: process.ppid, started: null }));
    lock.release();
    expect(existsSync(`${dir}.lock`)).toBe(true);
  });
});
