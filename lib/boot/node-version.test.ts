import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildServer } from "../../scripts/build-server";
import { serverNodeArgs } from "../../scripts/server-command";
import { MIN_NODE_MAJOR } from "./node-version";

/** A Node older than the floor on this machine's PATH (Debian's, here), if there is one. */
function olderNode(): string | null {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    const candidate = join(dir, "node");
    if (!dir || dir.includes("node_modules") || !existsSync(candidate)) continue;
    const version = execFileSync(candidate, ["--version"]).toString().trim();
    if (Number(version.slice(1).split(".")[0]) < MIN_NODE_MAJOR) return candidate;
  }
  return null;
}

describe("the Node floor", () => {
  it("is the one package.json and .nvmrc state", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8"));
    expect(pkg.engines.node).toBe(`>=${MIN_NODE_MAJOR}`);
    expect(readFileSync(".nvmrc", "utf8").trim()).toBe(String(MIN_NODE_MAJOR));
    expect(pkg.devDependencies["@types/node"]).toMatch(new RegExp(`^\\^${MIN_NODE_MAJOR}\\.`));
  });

  const older = olderNode();
  it.skipIf(older === null)("an older Node stops the server at once with one sentence saying what to do", async () => {
    // npm start's command line, on a build of the server made here (unit tests run before `npm run build`).
    const built = mkdtempSync(join(tmpdir(), "keysmith-server-build-"));
    await buildServer(built);
    const run = spawnSync(older as string, serverNodeArgs(built), {
      env: { ...process.env, KEYSMITH_DATA_DIR: "memory://", PORT: "0" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toMatch(
      new RegExp(`^\\[keysmith\\] Node ${MIN_NODE_MAJOR} or later is needed; this is v\\d+\\.\\d+\\.\\d+ \\(`),
    );
    expect(run.stderr).toContain("node_modules/.bin/node");
  });
});
