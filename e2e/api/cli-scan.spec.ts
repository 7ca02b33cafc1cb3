import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { anonymous, createKey, json, signUpWithWorkspace, verify } from "../support/api";
import { Terminal } from "../support/cli";
import { expect, test } from "../support/test";

/**
 * `keysmith scan` as a user runs it: the built CLI as a child process over real folders and
 * a real git repository, and `--report` against the started server.
 */
test.describe.configure({ timeout: 90_000 });

function folder(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), "keysmith-scan-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(root, name, ".."), { recursive: true });
    writeFileSync(join(root, name), content);
  }
  return root;
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=Scan Test", "-c", "user.email=scan@example.com", ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1", HOME: cwd },
  }).trim();
}

/** A key with one base62 character changed: the key's shape, a checksum that does not hold. */
function lookAlike(key: string): string {
  const at = key.length - 10;
  return `${key.slice(0, at)}${key[at] === "A" ? "B" : "A"}${key.slice(at + 1)}`;
}

const masked = (key: { [field: string]: unknown }) => String(key.maskedKey);

test("scan a folder: each key with file:line, masked; not node_modules, binaries or look-alikes; exit 1, then 0 when clean", async ({
  baseURL,
}) => {
  const owner = await signUpWithWorkspace(baseURL!);
  const first = await createKey(owner.api, { name: "In the env file" });
  const second = await createKey(owner.api, { name: "In the source" });
  const root = folder({
    ".env": `HOST=localhost\nAPI_KEY=${first.key}\n`,
    "src/config.ts": `export const a = 1;\n\nconst key = "${second.key}";\n`,
    "notes.md": `The format looks like ${lookAlike(first.key)}, see the docs.\n`,
    "node_modules/pkg/index.js": `module.exports = "${first.key}";\n`,
    "image.bin": Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(second.key)]),
    "dump.sql": `${"-- filler\n".repeat(120_000)}INSERT INTO keys VALUES ('${first.key}');\n`,
  });
  const terminal = new Terminal();
  try {
    const found = await terminal.run(["scan", root]);
    expect(found.code, found.stderr).toBe(1);
    expect(found.stdout.trim().split("\n")).toEqual([
      `${join(root, ".env")}:2  ${masked(first)}`,
      `${join(root, "src/config.ts")}:3  ${masked(second)}`,
    ]);
    expect(found.stderr).toContain("Skipped 1 binary file(s) and 1 file(s) over 1 MiB.");
    expect(found.stderr).toContain("History not scanned: not in a git repository");
    expect(found.stderr).toContain("Found 2 Keysmith key(s) in 2 place(s)");
    for (const secret of [first.key, second.key]) {
      expect(found.stdout).not.toContain(secret);
      expect(found.stderr).not.toContain(secret);
    }

    const asJson = await terminal.run(["scan", root, "--json"]);
    expect(asJson.code).toBe(1);
    const parsed = JSON.parse(asJson.stdout);
    expect(parsed.findings).toEqual([
      { where: "file", file: join(root, ".env"), line: 2, key: masked(first) },
      { where: "file", file: join(root, "src/config.ts"), line: 3, key: masked(second) },
    ]);
    expect(parsed).toMatchObject({ keys: 2, skipped: { binary: 1, large: 1, unreadable: 0 }, reported: null });

    // Only the look-alike left: nothing found, exit 0.
    rmSync(join(root, ".env"));
    rmSync(join(root, "src"), { recursive: true });
    const clean = await terminal.run(["scan", root]);
    expect(clean.code, clean.stderr).toBe(0);
    expect(clean.stdout).toBe("");
    expect(clean.stderr).toContain("No Keysmith keys in 2 file(s).");

    const missing = await terminal.run(["scan", join(root, "nowhere")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("no such file or folder");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("scan a git repository: a key removed from the files is still found in history, as commit:file:line", async ({
  baseURL,
}) => {
  const owner = await signUpWithWorkspace(baseURL!);
  const key = await createKey(owner.api, { name: "Committed once" });
  const root = folder({ "README.md": "# app\n" });
  try {
    git(root, "init", "-q", "-b", "main");
    writeFileSync(join(root, "deploy.env"), `REGION=eu\nTOKEN=${key.key}\n`);
    git(root, "add", ".");
    git(root, "commit", "-qm", "add deploy settings");
    const leaking = git(root, "rev-parse", "HEAD");
    writeFileSync(join(root, "deploy.env"), "REGION=eu\nTOKEN=\n");
    git(root, "commit", "-qam", "read the token from the environment");

    const terminal = new Terminal();
    const found = await terminal.run(["scan", root]);
    expect(found.code, found.stderr).toBe(1);
    expect(found.stdout.trim()).toBe(`${leaking.slice(0, 12)}:deploy.env:2  ${masked(key)}  (history)`);
    expect(found.stderr).toContain("2 commit(s)");
    expect(found.stdout + found.stderr).not.toContain(key.key);

    const parsed = JSON.parse((await terminal.run(["scan", root, "--json"])).stdout);
    expect(parsed.findings).toEqual([
      { where: "history", commit: leaking, file: "deploy.env", line: 2, key: masked(key) },
    ]);
    expect(parsed.commitsScanned).toBe(2);

    // Without history, the files alone are clean.
    const filesOnly = await terminal.run(["scan", root, "--no-history"]);
    expect(filesOnly.code, filesOnly.stderr).toBe(0);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("scan --report sends the keys found to report-leak: the live one is revoked, with the source and URL given", async ({
  baseURL,
}) => {
  const owner = await signUpWithWorkspace(baseURL!);
  const key = await createKey(owner.api, { name: "Found by a scan" });
  const bystander = await createKey(owner.api, { name: "Not in the folder" });
  const root = folder({ "config/app.yaml": `service:\n  key: ${key.key}\n` });
  const machine = await anonymous(baseURL!);
  try {
    expect((await verify(machine, { key: key.key })).code).toBe("VALID");
    const terminal = new Terminal();
    // No server configured: the scan says what --report needs, with exit status 2.
    const unconfigured = await terminal.run(["scan", root, "--report"]);
    expect(unconfigured.code).toBe(2);
    expect(unconfigured.stderr).toContain("--report needs Keysmith's address");

    const reported = await terminal.run(
      ["scan", root, "--report", "--source", "CI secret scan", "--url", "https://git.example.com/acme/app"],
      { env: { KEYSMITH_URL: baseURL! } },
    );
    expect(reported.code, reported.stderr).toBe(1);
    expect(reported.stderr).toContain("Reported 1 key(s) as leaked");
    expect(reported.stdout + reported.stderr).not.toContain(key.key);

    expect((await verify(machine, { key: key.key })).code).toBe("REVOKED");
    expect((await verify(machine, { key: bystander.key })).code).toBe("VALID");
    const audit = await json(await owner.api.get("/api/v1/audit", { params: { action: "key.leaked" } }), 200);
    expect(audit.data).toHaveLength(1);
    expect(audit.data[0]).toMatchObject({
      target: { id: key.id },
      metadata: { source: "CI secret scan", url: "https://git.example.com/acme/app", response: "revoked" },
      userAgent: expect.stringContaining("keysmith-cli/"),
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
    await machine.dispose();
  }
});
