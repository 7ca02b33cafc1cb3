#!/usr/bin/env node
import { Command, Option } from "commander";
import { describeError, sdk, signedInClient, VERSION } from "./client.js";
import {
  CliError,
  configPath,
  normaliseUrl,
  readConfig,
  removeConfig,
  type StoredConfig,
  settings,
  writeConfig,
} from "./config.js";
import { CSV_COLUMNS } from "./import-file.js";
import { createKey, listKeys, revokeKey, rotateKey, showKey, verifyKey } from "./keys.js";
import { importKeysFromFile } from "./keys-import.js";
import { deviceName, loginInBrowser, loginWithKey } from "./login.js";
import { note, printFields, printJson } from "./output.js";
import { type ScanOptions, scan } from "./scan.js";

const DEFAULT_URL = "http://localhost:3000";

/** Runs a command; an error is `keysmith: <the API's message>` on stderr and exit status 1. */
function run<A extends unknown[]>(action: (...args: A) => Promise<void>) {
  return async (...args: A) => {
    try {
      await action(...args);
    } catch (error) {
      const failure = describeError(error);
      process.stderr.write(`keysmith: ${failure.message}\n`);
      process.exitCode = failure.exitCode;
    }
  };
}

const program = new Command()
  .name("keysmith")
  .description("Log in to Keysmith and manage its API keys from a terminal.")
  .version(VERSION)
  .showHelpAfterError()
  .addHelpText(
    "after",
    `
Credentials come from ${configPath()} (written by keysmith login);
KEYSMITH_API_KEY and KEYSMITH_URL override it.`,
  );

program
  .command("login")
  .description("approve this computer in the browser; the new key is kept in the config file")
  .option("--url <url>", `Keysmith's address (default: KEYSMITH_URL, the config file, or ${DEFAULT_URL})`)
  .option("--with-key", "read an existing API key from standard input instead (hidden at a terminal)")
  .option("--workspace <id-or-slug>", "with --with-key: the workspace a personal key acts in")
  .option("--device <name>", "the name the browser shows and the key is named after", deviceName())
  .option("--no-browser", "print the link without opening a browser")
  .action(
    run(async (options: { url?: string; withKey?: boolean; workspace?: string; device: string; browser: boolean }) => {
      const url = options.url ?? process.env.KEYSMITH_URL ?? readConfig().url ?? DEFAULT_URL;
      if (options.withKey) await loginWithKey({ url, workspace: options.workspace });
      else await loginInBrowser({ url, device: options.device, browser: options.browser });
    }),
  );

program
  .command("logout")
  .description("revoke the key keysmith login created and remove the config file")
  .action(
    run(async () => {
      const stored = readConfig();
      if (!stored.apiKey) {
        removeConfig();
        note("Not logged in.");
        return;
      }
      let failure: CliError | null = null;
      if (stored.source === "login" && stored.keyId && stored.url) {
        try {
          // The key revokes itself: it needs no keys.write for that.
          await sdk({ url: stored.url, apiKey: stored.apiKey, workspace: stored.workspace }).keys.revoke(stored.keyId);
          note(`Revoked ${stored.keyId}.`);
        } catch (error) {
          failure = describeError(error);
        }
      }
      removeConfig();
      note(`Removed ${configPath()}.`);
      if (stored.source !== "login") note("The key itself was not revoked: keysmith login did not create it.");
      if (failure) {
        throw new CliError(`could not revoke ${stored.keyId} (${failure.message}): revoke it in the dashboard`);
      }
    }),
  );

program
  .command("whoami")
  .description("who the stored key (or KEYSMITH_API_KEY) acts as, where, with which scopes")
  .option("--json", "print the API's answer as JSON")
  .action(
    run(async (options: { json?: boolean }) => {
      const current = settings();
      const me = await signedInClient(current).me();
      if (options.json) return printJson(me);
      printFields([
        ["URL", current.url ?? "-"],
        ["User", me.user.name],
        ["Key", me.key ? `${me.key.name ?? "-"} (${me.key.id}, ${me.key.kind ?? "?"} key)` : "- (a session)"],
        ["Workspace", `${me.workspace.name} (${me.workspace.slug})`],
        ["Role", me.role],
        ["Scopes", me.scopes.join(", ") || "-"],
      ]);
    }),
  );

const keys = program.command("keys").description("list, read, create, import, rotate, revoke and verify keys");
const client = () => signedInClient(settings());

keys
  .command("list")
  .description("the workspace's keys, newest first")
  .addOption(new Option("--status <statuses>", "comma-separated: active, expiring_soon, expired, revoked, in_grace"))
  .option("--environment <env>", "only keys of this environment, such as live or prod")
  .option("--search <text>", "names containing this")
  .option("--limit <n>", "keys per page")
  .option("--all", "every page, not only the first")
  .option("--json", "print the keys as JSON")
  .action(run(async (options) => listKeys(client(), options)));

keys
  .command("get <id>")
  .description("one key's details")
  .option("--json", "print the key as JSON")
  .action(run(async (id: string, options: { json?: boolean }) => showKey(client(), id, options.json)));

keys
  .command("create")
  .description("create a key; its secret is printed once, to standard output")
  .requiredOption("--name <name>", "3–50 characters")
  .option("--description <text>", "up to 500 characters")
  .option("--environment <env>", "one of the workspace's environments (default: its first, such as live)")
  .option("--scope <scopes...>", "scopes to grant (default: everything your role allows)")
  .addOption(new Option("--expires-in <preset>", "expiry").choices(["15d", "25d", "45d", "90d", "6m", "1y", "never"]))
  .option("--ip <ranges...>", "allowed addresses or CIDR ranges")
  .option("--json", "print the API's answer (secret included) as JSON")
  .action(run(async (options) => createKey(client(), options)));

keys
  .command("import <file>")
  .description("import keys another product issued, by the SHA-256 of each secret, from a CSV or JSON file")
  .option("--json", "print the imported keys as JSON")
  .addHelpText(
    "after",
    `
CSV: a header row naming the columns, in any order: ${CSV_COLUMNS.join(", ")}.
  hash and name are required. scopes are separated by spaces ("tasks.read tasks.write");
  expiresAt is an ISO 8601 date; prefix is the start shown in the key table ("atlas_" → atlas_…).
JSON: an array of keys, or {"keys": [...]}, each {hash, name, scopes?, environment?, expiresAt?, prefix?, description?}.
hash: the SHA-256 as the other product stores it, 64 hex digits or 43 base64url characters
  (better-auth's api-key plugin stores base64url).
The whole file is checked before anything is sent: a bad row is reported with its line and nothing is
imported. Keys go 1,000 a call; a call the server refuses imports nothing, calls before it stay.`,
  )
  .action(run(async (file: string, options: { json?: boolean }) => importKeysFromFile(client(), file, options)));

keys
  .command("rotate <id>")
  .description("a new secret with the same settings, printed once to standard output")
  .option("--grace <period>", 'how long the old key keeps working: "0" (default), "1h", "24h", "7d"')
  .option("--renew-expiry", "give the new key a fresh expiry window of the same length (default: the same expiry date)")
  .option("--json", "print the API's answer (secret included) as JSON")
  .action(run(async (id: string, options) => rotateKey(client(), id, options)));

keys
  .command("revoke <id>")
  .description("revoke a key at once, for good")
  .option("--json", "print the revoked key as JSON")
  .action(run(async (id: string, options: { json?: boolean }) => revokeKey(client(), id, options.json)));

keys
  .command("verify [key]")
  .description("is a key usable now? (the key from standard input when not given; exit status 1 when refused)")
  .option("--scope <scopes...>", "scopes the key must hold")
  .option("--ip <address>", "the address the key is used from")
  .option("--as-verifier", "send the stored key as a verifier key (its workspace's keys only)")
  .option("--json", "print the verdict as JSON")
  .action(
    run(async (key: string | undefined, options) => {
      const current = settings();
      if (!current.url) throw new CliError("Keysmith's address is not set: keysmith config set url <url>");
      // Verification needs no credential; a verifier key is sent only when asked for.
      const verifier = options.asVerifier ? signedInClient(current) : sdk({ url: normaliseUrl(current.url) });
      await verifyKey(verifier, key, options);
    }),
  );

program
  .command("scan [path]")
  .description("find Keysmith keys in files and git history (exit status 1 when found, 0 when clean, 2 on failure)")
  .option("--no-history", "skip the git history (git log -p of every branch)")
  .option("--report", "report the keys found as leaked to Keysmith (each live one is revoked or disabled)")
  .option("--source <text>", "with --report: who found them", "keysmith scan")
  .option("--url <url>", "with --report: where they were found, such as the repository's address")
  .option("--json", "print the findings (keys masked) as JSON")
  .addHelpText(
    "after",
    `
Reads every file under the path (default: the current folder) except .git, node_modules, binary
files and files over 1 MiB, and, when the path is in a git repository, the lines every commit
added. Only text in Keysmith's key format with a valid checksum counts. Keys are printed masked.
--report sends them to the server in KEYSMITH_URL or the config file (no login needed).`,
  )
  .action(run(async (path: string | undefined, options: ScanOptions) => scan(path ?? ".", options)));

const config = program.command("config").description("change the config file");
config
  .command("set <name> <value>")
  .description("set workspace <id-or-slug> (the workspace to act in) or url <url> (Keysmith's address)")
  .action(
    run(async (name: string, value: string) => {
      const stored: StoredConfig = readConfig();
      if (name === "workspace") stored.workspace = value;
      else if (name === "url") stored.url = normaliseUrl(value);
      else throw new CliError(`Unknown setting "${name}": use workspace or url`);
      writeConfig(stored);
      note(`Set ${name} to ${name === "url" ? stored.url : value} in ${configPath()}.`);
    }),
  );

await program.parseAsync();
