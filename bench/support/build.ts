import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";
import { isServerBuilt } from "../../scripts/server-command";
import { log } from "./log";

const run = promisify(execFile);

/** Builds Keysmith (and the better-auth peer, when asked) unless a build is there already. */
export async function ensureBuilt(options: { peer: boolean }): Promise<void> {
  if (!isServerBuilt()) await step("building Keysmith", ["npm", "run", "-s", "build"]);
  if (options.peer && !existsSync("bench/peer/.next/BUILD_ID")) {
    await step("building the peer", ["npx", "next", "build", "bench/peer"]);
  }
}

async function step(label: string, [command, ...args]: string[]): Promise<void> {
  log(label);
  await run(command, args, { maxBuffer: 64 * 1024 * 1024 });
}
