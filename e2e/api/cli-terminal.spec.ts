import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { json } from "../support/api";
import { CLI, Terminal } from "../support/cli";
import { signUpOwner } from "../support/people";
import { expect, test } from "../support/test";

/**
 * The one prompt a person types into, `keysmith login --with-key`, in a real pseudo-terminal:
 * a tmux session on a server of this test's own (`-L`), read back with capture-pane. The key
 * pasted there must not be echoed. scripts/test-all.sh installs tmux where it is missing.
 */
const SOCKET = `keysmith-e2e-${process.pid}`;
const tmux = (...args: string[]) => execFileSync("tmux", ["-L", SOCKET, ...args], { encoding: "utf8" });
const screen = (session: string) => tmux("capture-pane", "-p", "-t", session);

test.afterAll(() => {
  try {
    tmux("kill-server");
  } catch {
    // no session left
  }
});

/** Runs `keysmith …args` in a new tmux window; the line `EXIT=<status>` appears when it ends. */
function openTerminal(terminal: Terminal, session: string, args: string[]): void {
  const script = join(terminal.configHome, `${session}.sh`);
  const env = `XDG_CONFIG_HOME='${terminal.configHome}'`;
  writeFileSync(
    script,
    `unset KEYSMITH_API_KEY KEYSMITH_URL\n${env} '${process.execPath}' '${CLI}' ${args.map((a) => `'${a}'`).join(" ")}\necho "EXIT=$?"\nsleep 60\n`,
  );
  tmux("new-session", "-d", "-s", session, "-x", "160", "-y", "20", `sh '${script}'`);
}

test("login --with-key at a terminal: a prompt, no echo of the pasted key, Ctrl-C cancels", async ({ baseURL }) => {
  const owner = await signUpOwner(baseURL!, "Tess Tty", "Teletype");
  const personal = await json(await owner.api.post("/api/v1/me/key"), 201);
  const terminal = new Terminal();

  openTerminal(terminal, "paste", ["login", "--with-key", "--url", baseURL!]);
  await expect.poll(() => screen("paste"), { timeout: 15_000 }).toContain("Paste your API key:");
  tmux("send-keys", "-t", "paste", "-l", personal.key);
  tmux("send-keys", "-t", "paste", "Enter");
  await expect.poll(() => screen("paste"), { timeout: 15_000 }).toContain("EXIT=0");
  const shown = screen("paste");
  expect(shown).toContain(`Logged in to ${baseURL} as Tess Tty`);
  expect(shown).not.toContain(personal.key);
  expect(shown).not.toContain(personal.key.slice(0, 12));
  expect(terminal.config().apiKey).toBe(personal.key);

  const cancelled = new Terminal();
  openTerminal(cancelled, "cancel", ["login", "--with-key", "--url", baseURL!]);
  await expect.poll(() => screen("cancel"), { timeout: 15_000 }).toContain("Paste your API key:");
  tmux("send-keys", "-t", "cancel", "-l", "sk_live_half");
  tmux("send-keys", "-t", "cancel", "C-c");
  await expect.poll(() => screen("cancel"), { timeout: 15_000 }).toContain("EXIT=130");
  expect(screen("cancel")).toContain("keysmith: Cancelled");
  expect(screen("cancel")).not.toContain("sk_live_half");
  expect(() => cancelled.config()).toThrow();
});
