import { hostname } from "node:os";
import { type CliLoginPoll, KeysmithError } from "@keysmith/sdk";
import { sdk } from "./client.js";
import { CliError, configPath, normaliseUrl, readConfig, type StoredConfig, writeConfig } from "./config.js";
import { openBrowser } from "./open-browser.js";
import { note } from "./output.js";
import { readSecret } from "./prompt.js";

const MAX_DEVICE_NAME = 43;

export function deviceName(): string {
  return hostname().slice(0, MAX_DEVICE_NAME) || "this computer";
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Device authorization: print the code and the page, open the browser, poll until the user
 * approves or denies there, then keep the key. The key is printed nowhere.
 */
export async function loginInBrowser(options: { url: string; device: string; browser: boolean }): Promise<void> {
  const url = normaliseUrl(options.url);
  const client = sdk({ url });
  const started = await client.cliLogin.start({ deviceName: options.device });
  note(`Your one-time code: ${started.code}`);
  note(`Approve this login in your browser: ${started.verificationUrl}`);
  if (options.browser) openBrowser(started.verificationUrl);
  note("Waiting for approval (the code expires in 10 minutes)…");

  const deadline = new Date(started.expiresAt).getTime();
  for (;;) {
    await sleep(Math.max(1, started.interval) * 1000);
    let answer: CliLoginPoll;
    try {
      answer = await client.cliLogin.poll(started.pollToken);
    } catch (error) {
      // No answer, or the server failing: ask again at the next interval (a lost approval then says 410).
      if (!(error instanceof KeysmithError) || (error.status !== null && error.status < 500)) throw error;
      note(`Could not reach Keysmith (${error.message}); trying again…`);
      if (Date.now() > deadline) throw error;
      continue;
    }
    if (answer.status === "denied") throw new CliError("The login was denied in the browser: no key was created");
    if (answer.status === "approved") {
      const previous = readConfig();
      writeConfig({ url, apiKey: answer.key, workspace: answer.workspace.slug, keyId: answer.keyId, source: "login" });
      note(`Logged in to ${url}, workspace ${answer.workspace.name} (${answer.workspace.slug}).`);
      note(`A new key, ${answer.keyId}, is stored in ${configPath()}.`);
      await revokeReplaced(previous);
      return;
    }
    if (Date.now() > deadline + 5_000)
      throw new CliError("The code expired before it was approved: run keysmith login again");
  }
}

/**
 * The key an earlier `keysmith login` stored is overwritten: nothing else holds its secret, so
 * it is revoked (with itself) rather than left working. Best effort: a failure is only said.
 */
async function revokeReplaced(previous: StoredConfig): Promise<void> {
  if (previous.source !== "login" || !previous.keyId || !previous.apiKey || !previous.url) return;
  try {
    await sdk({ url: previous.url, apiKey: previous.apiKey, workspace: previous.workspace }).keys.revoke(
      previous.keyId,
    );
    note(`Revoked ${previous.keyId}, the key of the previous login.`);
  } catch {
    note(`The previous login's key ${previous.keyId} could not be revoked: revoke it in the dashboard.`);
  }
}

/** `login --with-key`: a key from standard input (hidden at a terminal), checked with GET /me, then kept. */
export async function loginWithKey(options: { url: string; workspace?: string }): Promise<void> {
  const url = normaliseUrl(options.url);
  const apiKey = await readSecret("Paste your API key:");
  if (!apiKey) throw new CliError("No key given on standard input");
  const me = await sdk({ url, apiKey, workspace: options.workspace }).me();
  writeConfig({ url, apiKey, workspace: me.workspace.slug, keyId: me.key?.id, source: "key" });
  note(`Logged in to ${url} as ${me.user.name}, workspace ${me.workspace.name} (${me.workspace.slug}).`);
  note(`The key is stored in ${configPath()}.`);
}
