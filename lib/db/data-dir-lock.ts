import { randomUUID } from "node:crypto";
import { closeSync, linkSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from "node:fs";

/**
 * One process at a time on an embedded database's folder: PGlite has no lock of its own,
 * and two servers writing one folder each lose the other's acknowledged writes. The lock is
 * a file beside the folder holding the owner's pid and start time, created exclusively.
 * A lock whose owner is gone (killed, crashed) is taken over, so a restart is never
 * blocked by a process that no longer exists.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `the data folder ${dataDir} is in use by another Keysmith process (pid ${holderPid}); stop it, or give this one its own KEYSMITH_DATA_DIR`,
    );
    this.name = "DataDirLockedError";
  }
}

export interface DataDirLock {
  readonly path: string;
  release(): void;
}

interface Owner {
  pid: number;
  /** The owner's start time as the OS reports it (Linux), so a reused pid is not mistaken for it. */
  started: string | null;
}

export function lockDataDir(dataDir: string): DataDirLock {
  const path = `${dataDir}.lock`;
  const self: Owner = { pid: process.pid, started: startTime(process.pid) };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (create(path, self)) {
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off("exit", release);
        if (sameOwner(read(path), self)) unlinkSync(path);
      };
      process.on("exit", release);
      return { path, release };
    }
    const holder = read(path);
    if (holder && isAlive(holder)) throw new DataDirLockedError(dataDir, holder.pid);
    // Gone: move its lock aside (of several contenders, one rename succeeds), then try again.
    const aside = `${path}.stale-${randomUUID()}`;
    try {
      renameSync(path, aside);
    } catch {
      continue;
    }
    const moved = read(aside);
    if (moved && isAlive(moved)) {
      // Another contender took the lock between our read and our rename: give it back.
      try {
        linkSync(aside, path);
      } catch {
        // someone holds it again already
      }
      unlinkSync(aside);
      throw new DataDirLockedError(dataDir, moved.pid);
    }
    unlinkSync(aside);
  }
  const holder = read(path);
  throw new DataDirLockedError(dataDir, holder?.pid ?? -1);
}

function create(path: string, owner: Owner): boolean {
  let fd: number;
  try {
    fd = openSync(path, "wx", 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify(owner));
  } finally {
    closeSync(fd);
  }
  return true;
}

function read(path: string): Owner | null {
  try {
    const owner = JSON.parse(readFileSync(path, "utf8")) as Partial<Owner>;
    return typeof owner.pid === "number" ? { pid: owner.pid, started: owner.started ?? null } : null;
  } catch {
    // missing, or half-written by an owner that died while writing it: nobody holds it
    return null;
  }
}

function isAlive(owner: Owner): boolean {
  if (owner.pid === process.pid) return true;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const started = startTime(owner.pid);
  return owner.started === null || started === null || started === owner.started;
}

function sameOwner(a: Owner | null, b: Owner): boolean {
  return a !== null && a.pid === b.pid && a.started === b.started;
}

/** Field 22 of /proc/<pid>/stat (after the parenthesised name, which may hold spaces); null elsewhere. */
function startTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}
