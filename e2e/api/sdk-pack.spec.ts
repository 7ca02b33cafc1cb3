import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { expect, test } from "@playwright/test";
import { createKey } from "../support/api";
import { sdkWorkspace } from "../support/sdk";

// What a user does: `npm pack` of packages/sdk (its dist/ as built by `npm run typecheck` or
// `npm run build -w @keysmith/sdk`), installed into an empty folder, used from a plain .mjs
// script and type-checked from a .ts file, against the started Keysmith. No registry needed:
// the SDK has no runtime dependency.
test("the packed SDK installs into an empty folder and works from a plain script, types included", async ({
  baseURL,
}) => {
  test.setTimeout(120_000);
  const { owner, adminKey } = await sdkWorkspace(baseURL!);
  const reader = await createKey(owner.api, { name: "Packed reader", scopes: ["keys.read"] });
  const dir = mkdtempSync(join(tmpdir(), "keysmith-sdk-pack-"));

  // --ignore-scripts: not prepack's rebuild, which would swap dist/ under the other tests.
  const packed = JSON.parse(
    execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], {
      cwd: "packages/sdk",
      encoding: "utf8",
    }),
  );
  const files: string[] = packed[0].files.map((file: { path: string }) => file.path);
  expect(files).toEqual(expect.arrayContaining(["package.json", "dist/index.js", "dist/index.d.ts", "dist/next.js"]));
  expect(files.filter((file) => !file.startsWith("dist/") && file !== "package.json" && file !== "README.md")).toEqual(
    [],
  );
  expect(files.some((file) => file.endsWith(".test.js"))).toBe(false);

  const project = join(dir, "project");
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "user-project", private: true }));
  execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", join(dir, packed[0].filename)], {
    cwd: project,
    encoding: "utf8",
  });

  writeFileSync(
    join(project, "check.mjs"),
    `import { Keysmith, KeysmithError } from "@keysmith/sdk";
import { withKeysmith } from "@keysmith/sdk/next";

const keysmith = new Keysmith(); // KEYSMITH_URL and KEYSMITH_API_KEY
const me = await keysmith.me();
const valid = await keysmith.keys.verify({ key: process.env.READER_KEY });
const scoped = await keysmith.keys.verify({ key: process.env.READER_KEY, requiredScopes: ["audit.read"] });
let error;
try {
  await keysmith.keys.get("key_doesnotexist0000000000");
} catch (e) {
  error = { isKeysmithError: e instanceof KeysmithError, code: e.code, status: e.status };
}
const GET = withKeysmith(async (request, { keysmith }) => Response.json({ keyId: keysmith.keyId }));
const routed = await GET(new Request("http://app.test/", { headers: { authorization: "Bearer " + process.env.READER_KEY } }), {});
const refused = await GET(new Request("http://app.test/"), {});
console.log(JSON.stringify({ me: me.workspace.id, valid, scoped: scoped.code, error, routed: [routed.status, await routed.json()], refused: [refused.status, await refused.json()] }));
`,
  );
  const out = execFileSync(process.execPath, ["check.mjs"], {
    cwd: project,
    encoding: "utf8",
    env: { ...process.env, KEYSMITH_URL: baseURL!, KEYSMITH_API_KEY: adminKey, READER_KEY: reader.key },
  });
  expect(JSON.parse(out)).toEqual({
    me: owner.workspace.id,
    valid: expect.objectContaining({ valid: true, code: "VALID", keyId: reader.id, scopes: ["keys.read"] }),
    scoped: "INSUFFICIENT_SCOPE",
    error: { isKeysmithError: true, code: "NOT_FOUND", status: 404 },
    routed: [200, { keyId: reader.id }],
    refused: [401, { error: { code: "UNAUTHORIZED", message: expect.stringContaining("API key is required") } }],
  });

  // The types resolve through the package's exports map, as a user's TypeScript sees them.
  writeFileSync(
    join(project, "check.mts"),
    `import { Keysmith, type KeysmithError, type VerifyResult } from "@keysmith/sdk";
import { withKeysmith } from "@keysmith/sdk/next";
const keysmith = new Keysmith({ baseUrl: "http://localhost:3000" });
export const answer: Promise<VerifyResult> = keysmith.keys.verify({ key: "k", requiredScopes: ["a.b"] });
export const code: KeysmithError["code"] = "NOT_FOUND";
export const GET = withKeysmith(async (_request, { keysmith }) => Response.json({ id: keysmith.keyId }));
// @ts-expect-error: verify needs a key
keysmith.keys.verify({});
`,
  );
  const tsc = resolve("node_modules/typescript/bin/tsc");
  execFileSync(
    process.execPath,
    [
      tsc,
      "--noEmit",
      "--strict",
      "--module",
      "nodenext",
      "--moduleResolution",
      "nodenext",
      "--target",
      "es2022",
      "--lib",
      "es2022,dom",
      "check.mts",
    ],
    { cwd: project, encoding: "utf8" },
  );
});
