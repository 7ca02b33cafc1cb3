import { createHash, randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { anonymous, createKey, json, signUpWithWorkspace, verify } from "../support/api";
import { Terminal } from "../support/cli";
import { expect, test } from "../support/test";

/**
 * `keysmith keys import <file>`, the built CLI as a child process: a CSV file and a JSON file
 * of keys from another product, by hash; their secrets then verify. A bad row sends nothing.
 */
test.describe.configure({ timeout: 90_000 });

const foreignSecret = () => `atlas_${randomBytes(24).toString("base64url")}`;
const sha256 = (secret: string) => createHash("sha256").update(secret).digest();

test("keys import reads CSV and JSON files, and a file with a bad row imports nothing", async ({ baseURL }) => {
  const owner = await signUpWithWorkspace(baseURL!);
  await json(await owner.api.patch("/api/v1/workspace", { data: { allowKeyMinting: true } }), 200);
  const cliKey = await createKey(owner.api, { name: "CLI", scopes: ["keys.read", "keys.write"] });
  const terminal = new Terminal();
  const keysmith = (...args: string[]) =>
    terminal.run(args, { env: { KEYSMITH_URL: baseURL!, KEYSMITH_API_KEY: cliKey.key } });
  const file = (name: string, text: string) => {
    const path = join(terminal.configHome, name);
    writeFileSync(path, text);
    return path;
  };
  const machine = await anonymous(baseURL!);

  const [billing, reports] = [foreignSecret(), foreignSecret()];
  const expiresAt = new Date(Date.now() + 365 * 86_400_000).toISOString();
  const csv = file(
    "keys.csv",
    [
      "hash,name,scopes,environment,expiresAt,prefix",
      `${sha256(billing).toString("base64url")},"Billing, EU",keys.read keys.write,live,,atlas_`,
      `${sha256(reports).toString("hex")},Reports,,test,${expiresAt},`,
    ].join("\n"),
  );
  const imported = await keysmith("keys", "import", csv);
  expect(imported.code, imported.stderr).toBe(0);
  expect(imported.stderr).toContain("Imported 2 keys");
  expect(imported.stdout).toContain("Billing, EU");
  expect(imported.stdout).toContain("atlas_…");
  expect(await verify(machine, { key: billing, requiredScopes: ["keys.write"] })).toMatchObject({ code: "VALID" });
  expect(await verify(machine, { key: reports })).toMatchObject({
    code: "VALID",
    environment: "test",
    expiresAt,
  });

  // JSON, with --json: the API's answer.
  const ops = foreignSecret();
  const jsonFile = file("keys.json", JSON.stringify({ keys: [{ hash: sha256(ops).toString("hex"), name: "Ops" }] }));
  const asJson = await keysmith("keys", "import", jsonFile, "--json");
  expect(asJson.code, asJson.stderr).toBe(0);
  const answer = JSON.parse(asJson.stdout);
  expect(answer).toMatchObject({ imported: 1, keys: [{ name: "Ops", maskedKey: "…", scopes: [] }] });
  expect((await verify(machine, { key: ops })).keyId).toBe(answer.keys[0].id);

  // A bad row: its line is named and nothing is sent, not even the good rows before it.
  const good = foreignSecret();
  const bad = file("bad.csv", `hash,name\n${sha256(good).toString("hex")},Good one\n${"z".repeat(64)},Bad one\n`);
  const refused = await keysmith("keys", "import", bad);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain("line 3: hash:");
  expect(refused.stderr).toContain("nothing was imported");
  expect((await verify(machine, { key: good })).code).toBe("NOT_FOUND");

  // The server's refusal is pointed at the row too: this hash is already imported (line 2).
  const again = await keysmith("keys", "import", file("again.csv", `hash,name\n${sha256(ops).toString("hex")},Ops\n`));
  expect(again.code).toBe(1);
  expect(again.stderr).toContain("line 2: hash: A key with this hash already exists");

  const help = await keysmith("keys", "import", "--help");
  expect(help.stdout).toContain("scopes are separated by spaces");
});
