import type { CreatedKey, CreateKeyInput, Key, Keysmith, VerifyResult } from "@keysmith/sdk";
import { CliError } from "./config.js";
import { ago, note, printFields, printJson, printTable } from "./output.js";
import { readSecret } from "./prompt.js";

/** `keysmith keys …`: tables for people, --json for scripts; a new secret goes to stdout once, alone. */

export interface ListOptions {
  status?: string;
  environment?: string;
  search?: string;
  limit?: string;
  all?: boolean;
  json?: boolean;
}

export async function listKeys(client: Keysmith, options: ListOptions): Promise<void> {
  const query = {
    status: options.status as Key["status"] | undefined,
    environment: options.environment,
    search: options.search,
    limit: options.limit === undefined ? undefined : positiveInteger(options.limit, "--limit"),
  };
  let keys: Key[];
  if (options.all) {
    keys = [];
    for await (const key of client.keys.iterate(query)) keys.push(key);
  } else {
    const page = await client.keys.list(query);
    keys = page.data;
    if (page.nextCursor && !options.json) note(`More keys follow: --all lists every one, --limit sets the page size.`);
  }
  if (options.json) return printJson(keys);
  printTable(
    ["ID", "NAME", "KEY", "ENV", "STATUS", "SCOPES", "LAST USED", "CREATED BY"],
    keys.map((key) => [
      key.id,
      key.name,
      key.maskedKey,
      key.environment,
      key.status,
      key.scopes.join(",") || "-",
      ago(key.lastUsedAt),
      key.createdBy?.name ?? "-",
    ]),
    "No keys match.",
  );
}

export async function showKey(client: Keysmith, id: string, json?: boolean): Promise<void> {
  const key = await client.keys.get(id);
  if (json) return printJson(key);
  printFields(keyFields(key));
}

function keyFields(key: Key): [string, string][] {
  return [
    ["ID", key.id],
    ["Name", key.name],
    ["Description", key.description ?? "-"],
    ["Key", key.maskedKey],
    ["Environment", key.environment],
    ["Status", key.status],
    ["Scopes", key.scopes.join(", ") || "-"],
    ["IP allowlist", key.ipAllowlist.join(", ") || "any address"],
    ["Expires", key.expiresAt ? `${key.expiresAt} (${ago(key.expiresAt)})` : "never"],
    ["Created", `${key.createdAt} by ${key.createdBy?.name ?? "-"}`],
    [
      "Last used",
      key.lastUsedAt ? `${ago(key.lastUsedAt)}${key.lastUsedIp ? ` from ${key.lastUsedIp}` : ""}` : "never",
    ],
  ];
}

export interface CreateOptions {
  name: string;
  description?: string;
  environment?: string;
  scope?: string[];
  expiresIn?: string;
  ip?: string[];
  json?: boolean;
}

export async function createKey(client: Keysmith, options: CreateOptions): Promise<void> {
  const input: CreateKeyInput = {
    name: options.name,
    description: options.description,
    environment: options.environment,
    scopes: options.scope,
    expiresIn: options.expiresIn as CreateKeyInput["expiresIn"],
    ipAllowlist: options.ip,
  };
  revealOnce(await client.keys.create(input), "Created", options.json);
}

export async function rotateKey(
  client: Keysmith,
  id: string,
  options: { grace?: string; renewExpiry?: boolean; json?: boolean },
) {
  const rotated = await client.keys.rotate(id, {
    gracePeriod: options.grace ?? "0",
    expiry: options.renewExpiry ? "renew" : "keep",
  });
  revealOnce(rotated, "Rotated", options.json);
  if (!options.json) {
    note(
      rotated.previous.expiresAt && new Date(rotated.previous.expiresAt).getTime() > Date.now()
        ? `The old key ${rotated.previous.id} works until ${rotated.previous.expiresAt}.`
        : `The old key ${rotated.previous.id} no longer works.`,
    );
  }
}

/**
 * The secret alone on stdout (so `KEY=$(keysmith keys create …)` captures just it), what it is on
 * stderr; with --json the whole answer on stdout. Either way this is the only time it is shown.
 */
function revealOnce(created: CreatedKey, verb: string, json?: boolean): void {
  if (json) {
    printJson(created);
    return;
  }
  note(
    `${verb} ${created.id} "${created.name}" (${created.environment}; ${created.scopes.join(", ") || "no scopes"}).`,
  );
  note("Its secret is shown this once; store it now:");
  process.stdout.write(`${created.key}\n`);
}

export async function revokeKey(client: Keysmith, id: string, json?: boolean): Promise<void> {
  const key = await client.keys.revoke(id);
  if (json) return printJson(key);
  note(`Revoked ${key.id} "${key.name}": it stops working at once.`);
}

export interface VerifyOptions {
  scope?: string[];
  ip?: string;
  json?: boolean;
}

/** Exit status 0 for a usable key, 1 for a refused one (its code says why). */
export async function verifyKey(client: Keysmith, key: string | undefined, options: VerifyOptions): Promise<void> {
  const secret = key ?? (await readSecret("Key to verify:"));
  if (!secret) throw new CliError("No key given: pass it as an argument or on standard input");
  const answer: VerifyResult = await client.keys.verify({ key: secret, requiredScopes: options.scope, ip: options.ip });
  if (options.json) printJson(answer);
  else if (answer.valid) {
    printFields([
      ["Result", `${answer.code}`],
      ["Key", answer.keyId ?? "-"],
      ["Workspace", answer.workspaceId ?? "-"],
      ["Environment", answer.environment ?? "-"],
      ["Scopes", answer.scopes.join(", ") || "-"],
      ["Expires", answer.expiresAt ?? "never"],
    ]);
  } else printFields([["Result", answer.code]]);
  if (!answer.valid) process.exitCode = 1;
}

function positiveInteger(value: string, option: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new CliError(`${option} must be a positive whole number, not "${value}"`);
  return n;
}
