import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { json } from "../support/api";
import { type RunningCli, Terminal } from "../support/cli";
import { type Owner, signUpOwner } from "../support/people";
import { expect, test } from "../support/test";

/**
 * The built `keysmith` CLI as a child process against the started Keysmith, each test in a
 * terminal of its own (a temporary XDG_CONFIG_HOME). Approval here goes through the API with
 * the owner's session, as the /cli/authorize page sends it; e2e/browser/cli-login.spec.ts
 * approves in the page itself.
 */
test.describe.configure({ timeout: 90_000 });

const approve = (owner: Owner, code: string, scopes: string[]) =>
  owner.api.post("/api/v1/cli/login/approve", { data: { code, workspace: owner.workspace.slug, scopes } });

/** `keysmith login` approved with `scopes`: the terminal now holds a key made for it. */
async function loggedIn(
  baseURL: string,
  owner: Owner,
  scopes = ["keys.read", "keys.write"],
  terminal = new Terminal(),
) {
  const login = terminal.start(["login", "--url", baseURL, "--device", "ci-runner"]);
  const { code } = await login.loginPrompt();
  await json(await approve(owner, code, scopes), 200);
  const result = await login.result();
  expect(result.code, result.stderr).toBe(0);
  return { terminal, login: result };
}

function noSecretIn(cli: { stdout: string; stderr: string }, secret: string) {
  expect(secret.length).toBeGreaterThan(20);
  expect(cli.stdout).not.toContain(secret);
  expect(cli.stderr).not.toContain(secret);
}

test("login: the approved key is stored 0600 and printed nowhere; it is the approver's, named after the device", async ({
  baseURL,
}) => {
  const owner = await signUpOwner(baseURL!, "Carla Cli", "Terminal Co");
  const { terminal, login } = await loggedIn(baseURL!, owner);
  const stored = terminal.config();
  expect(stored).toMatchObject({ url: baseURL, workspace: owner.workspace.slug, source: "login" });
  expect(terminal.modes()).toEqual({ file: "600", dir: "700" });
  noSecretIn(login, stored.apiKey);
  expect(login.stderr).toContain(`workspace Terminal Co (${owner.workspace.slug})`);

  const key = await json(await owner.api.get(`/api/v1/keys/${stored.keyId}`), 200);
  expect(key).toMatchObject({
    name: "CLI on ci-runner",
    kind: "workspace",
    status: "active",
    scopes: ["keys.read", "keys.write"],
    createdBy: { id: owner.userId },
  });
  // The personal key is not touched: there still is none.
  expect((await json(await owner.api.get("/api/v1/me/key"), 200)).key).toBeNull();

  const whoami = await terminal.run(["whoami", "--json"]);
  expect(whoami.code, whoami.stderr).toBe(0);
  expect(JSON.parse(whoami.stdout)).toMatchObject({
    type: "key",
    key: { id: stored.keyId, name: "CLI on ci-runner" },
    workspace: { slug: owner.workspace.slug },
    scopes: ["keys.read", "keys.write"],
  });
  const table = await terminal.run(["whoami"]);
  expect(table.stdout).toMatch(/Workspace\s+Terminal Co/);
  noSecretIn(table, stored.apiKey);

  // Logging in again replaces the stored key: the one it overwrites is revoked, not left working.
  const again = await loggedIn(baseURL!, owner, ["keys.read"], terminal);
  expect(again.login.stderr).toContain(`Revoked ${stored.keyId}, the key of the previous login.`);
  expect(terminal.config().keyId).not.toBe(stored.keyId);
  expect((await json(await owner.api.get(`/api/v1/keys/${stored.keyId}`), 200)).status).toBe("revoked");
});

test("login: denied in the browser, the CLI exits non-zero and stores nothing", async ({ baseURL }) => {
  const owner = await signUpOwner(baseURL!, "Dina Deny", "Refusals");
  const terminal = new Terminal();
  const login = terminal.start(["login", "--url", baseURL!]);
  const { code, url } = await login.loginPrompt();
  expect(url).toBe(`${baseURL}/cli/authorize?code=${code}`);
  await json(await owner.api.post("/api/v1/cli/login/deny", { data: { code } }), 200);
  const result = await login.result();
  expect(result.code).toBe(1);
  expect(result.stderr).toContain("keysmith: The login was denied in the browser");
  expect(() => terminal.config()).toThrow();
});

test("a login request hands over its key once: the second poll is 410, the page says it was used", async ({
  baseURL,
  request,
}) => {
  const owner = await signUpOwner(baseURL!, "Uma Once", "Single Use");
  const started = await json(await request.post("/api/v1/cli/login", { data: { deviceName: "twice" } }), 201);
  expect(started).toMatchObject({ interval: expect.any(Number), expiresAt: expect.any(String) });
  const poll = () => request.post("/api/v1/cli/login/poll", { data: { pollToken: started.pollToken } });
  expect(await json(await poll(), 200)).toEqual({ status: "pending" });
  await json(await approve(owner, started.code, ["keys.read"]), 200);
  const first = await json(await poll(), 200);
  const { id, slug, name } = owner.workspace;
  expect(first).toEqual({
    status: "approved",
    key: expect.any(String),
    keyId: expect.any(String),
    workspace: { id, slug, name },
  });
  const again = await poll();
  expect(again.status()).toBe(410);
  expect((await again.json()).error).toMatchObject({ code: "GONE", message: "This login request was already used" });
  expect((await approve(owner, started.code, ["keys.read"])).status()).toBe(409);
  const page = await owner.api.get(`/cli/authorize?code=${started.code}`);
  expect(await page.text()).toContain("This code was already used");
});

test("keys list --json, create, rotate, revoke and verify through the CLI's key", async ({ baseURL }) => {
  const owner = await signUpOwner(baseURL!, "Kim Keys", "Key Works", "kw");
  const { terminal } = await loggedIn(baseURL!, owner);
  const cliKey = terminal.config();

  // A key may mint keys only where the workspace allows it: the API's refusal, non-zero.
  const refused = await terminal.run(["keys", "create", "--name", "Billing service"]);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toBe("keysmith: You can't mint a key with a key: this workspace does not allow it\n");
  await json(await owner.api.patch("/api/v1/workspace", { data: { allowKeyMinting: true } }), 200);

  const created = await terminal.run([
    "keys",
    "create",
    "--name",
    "Billing service",
    "--scope",
    "keys.read",
    "--expires-in",
    "90d",
  ]);
  expect(created.code, created.stderr).toBe(0);
  // The secret alone on standard output, once; what it is on standard error.
  const secret = created.stdout.trim();
  expect(secret).toMatch(/^kw_live_[0-9A-Za-z]{38}$/);
  expect(created.stdout).toBe(`${secret}\n`);
  expect(created.stderr).toMatch(/Created key_\w+ "Billing service" \(live; keys.read\)/);
  expect(created.stderr).not.toContain(secret);

  const list = await terminal.run(["keys", "list", "--json"]);
  expect(list.code, list.stderr).toBe(0);
  const keys = JSON.parse(list.stdout) as {
    id: string;
    name: string;
    maskedKey: string;
    expiresAt: string;
    createdAt: string;
  }[];
  expect(keys.map((k) => k.name).sort()).toEqual(["Billing service", "CLI on ci-runner"]);
  expect(list.stdout).not.toContain(secret);
  const billing = keys.find((k) => k.name === "Billing service")!;
  const table = await terminal.run(["keys", "list"]);
  expect(table.stdout.split("\n")[0]).toMatch(/^ID\s+NAME\s+KEY\s+ENV\s+STATUS\s+SCOPES\s+LAST USED\s+CREATED BY$/);
  expect(table.stdout).toContain(billing.maskedKey);

  const verified = await terminal.run(["keys", "verify", "--json"], { input: `${secret}\n` });
  expect(verified.code, verified.stderr).toBe(0);
  expect(JSON.parse(verified.stdout)).toMatchObject({ valid: true, code: "VALID", keyId: billing.id });
  const lacking = await terminal.run(["keys", "verify", secret, "--scope", "keys.write"]);
  expect(lacking.code).toBe(1);
  expect(lacking.stdout).toMatch(/Result\s+INSUFFICIENT_SCOPE/);

  const got = await terminal.run(["keys", "get", billing.id]);
  expect(got.stdout).toMatch(/Name\s+Billing service/);
  expect(got.stdout).toMatch(/Status\s+active/);

  const rotated = await terminal.run(["keys", "rotate", billing.id, "--json"]);
  expect(rotated.code, rotated.stderr).toBe(0);
  const replacement = JSON.parse(rotated.stdout);
  expect(replacement).toMatchObject({ name: "Billing service", previous: { id: billing.id } });
  expect(replacement.key).toMatch(/^kw_live_/);
  expect((await terminal.run(["keys", "verify", secret, "--json"])).code).toBe(1);
  // The expiry date is kept by default; --renew-expiry starts a fresh window of the same length.
  expect(replacement.expiresAt).toBe(billing.expiresAt);
  const window = Date.parse(billing.expiresAt) - Date.parse(billing.createdAt);
  const renewed = await terminal.run(["keys", "rotate", replacement.id, "--renew-expiry", "--json"]);
  expect(renewed.code, renewed.stderr).toBe(0);
  const renewedKey = JSON.parse(renewed.stdout);
  expect(Date.parse(renewedKey.expiresAt) - Date.parse(renewedKey.createdAt)).toBe(window);
  expect(Date.parse(renewedKey.expiresAt)).toBeGreaterThan(Date.parse(billing.expiresAt));
  Object.assign(replacement, renewedKey);

  const revoked = await terminal.run(["keys", "revoke", replacement.id]);
  expect(revoked.code, revoked.stderr).toBe(0);
  expect(revoked.stderr).toContain(`Revoked ${replacement.id}`);
  const dead = await terminal.run(["keys", "verify", replacement.key, "--json"]);
  expect(JSON.parse(dead.stdout)).toMatchObject({ valid: false, code: "REVOKED" });

  // --environment takes the workspace's own environments, and only those.
  await json(await owner.api.patch("/api/v1/workspace", { data: { environments: ["live", "test", "staging"] } }), 200);
  const staging = await terminal.run(["keys", "create", "--name", "Staging service", "--environment", "staging"]);
  expect(staging.code, staging.stderr).toBe(0);
  expect(staging.stdout.trim()).toMatch(/^kw_staging_[0-9A-Za-z]{38}$/);
  expect(staging.stderr).toMatch(/Created key_\w+ "Staging service" \(staging; /);
  const inStaging = await terminal.run(["keys", "list", "--environment", "staging", "--json"]);
  expect(JSON.parse(inStaging.stdout).map((k: { name: string }) => k.name)).toEqual(["Staging service"]);
  const elsewhere = await terminal.run(["keys", "create", "--name", "Prod service", "--environment", "prod"]);
  expect(elsewhere).toEqual({
    code: 1,
    stdout: "",
    stderr: `keysmith: environment: "prod" is not one of this workspace's environments: "live", "test", "staging"\n`,
  });

  // Errors: the API's message on standard error, exit status 1; nothing on standard output.
  const missing = await terminal.run(["keys", "get", "key_doesnotexist"]);
  expect(missing).toEqual({ code: 1, stdout: "", stderr: "keysmith: No such key in this workspace\n" });
  const bad = await terminal.run(["keys", "create", "--name", "x"]);
  expect(bad.code).toBe(1);
  expect(bad.stderr).toBe("keysmith: name: Use at least 3 characters\n");
  noSecretIn(list, cliKey.apiKey);
});

test("login --with-key reads stdin and checks the key; config set; the environment overrides the file", async ({
  baseURL,
}) => {
  const owner = await signUpOwner(baseURL!, "Wes With-Key", "Pasted");
  const personal = await json(await owner.api.post("/api/v1/me/key"), 201);
  const terminal = new Terminal();

  const wrong = await terminal.run(["login", "--with-key", "--url", baseURL!], { input: "sk_live_nonsense\n" });
  expect(wrong.code).toBe(1);
  expect(wrong.stderr).toMatch(/^keysmith: .*run keysmith login\n$/);
  expect(() => terminal.config()).toThrow();

  const login = await terminal.run(["login", "--with-key", "--url", baseURL!], { input: `${personal.key}\n` });
  expect(login.code, login.stderr).toBe(0);
  noSecretIn(login, personal.key);
  expect(terminal.config()).toMatchObject({ url: baseURL, apiKey: personal.key, workspace: owner.workspace.slug });
  expect(terminal.modes()).toEqual({ file: "600", dir: "700" });
  const whoami = await terminal.run(["whoami", "--json"]);
  expect(JSON.parse(whoami.stdout)).toMatchObject({ key: { id: personal.id, kind: "personal" } });

  // config set: the workspace goes out as x-workspace-id (a slug the key cannot act in is refused).
  expect((await terminal.run(["config", "set", "workspace", "somewhere-else"])).code).toBe(0);
  const elsewhere = await terminal.run(["whoami"]);
  expect(elsewhere.code).toBe(1);
  expect(elsewhere.stderr).toMatch(/^keysmith: /);
  expect((await terminal.run(["config", "set", "workspace", owner.workspace.id])).code).toBe(0);
  expect((await terminal.run(["whoami"])).code).toBe(0);
  expect((await terminal.run(["config", "set", "url", "ftp://nowhere"])).code).toBe(1);
  expect((await terminal.run(["config", "set", "colour", "blue"])).stderr).toContain('Unknown setting "colour"');

  // KEYSMITH_URL and KEYSMITH_API_KEY win over the file.
  expect((await terminal.run(["config", "set", "url", "http://127.0.0.1:9"])).code).toBe(0);
  expect((await terminal.run(["whoami"])).code).toBe(1);
  const viaEnv = await terminal.run(["whoami", "--json"], { env: { KEYSMITH_URL: baseURL! } });
  expect(viaEnv.code, viaEnv.stderr).toBe(0);
  const other = await signUpOwner(baseURL!, "Olga Other", "Elsewhere");
  const otherKey = await json(await other.api.post("/api/v1/me/key"), 201);
  const asOther = await terminal.run(["whoami", "--json"], {
    env: { KEYSMITH_URL: baseURL!, KEYSMITH_API_KEY: otherKey.key },
  });
  expect(JSON.parse(asOther.stdout)).toMatchObject({ user: { id: other.userId } });

  // logout forgets a pasted key without revoking it: keysmith login did not create it.
  const logout = await terminal.run(["logout"]);
  expect(logout.code).toBe(0);
  expect(logout.stderr).toContain("The key itself was not revoked");
  expect((await json(await owner.api.get("/api/v1/me/key"), 200)).key.status).toBe("active");
  const after = await terminal.run(["whoami"]);
  expect(after).toMatchObject({ code: 1, stderr: expect.stringContaining("Not logged in: run keysmith login") });
});

test("logout revokes the key keysmith login created (even one without keys.write) and removes the file", async ({
  baseURL,
}) => {
  const owner = await signUpOwner(baseURL!, "Lou Logout", "Leaving");
  const { terminal } = await loggedIn(baseURL!, owner, ["keys.read"]);
  const { keyId, apiKey } = terminal.config();
  const logout = await terminal.run(["logout"]);
  expect(logout.code, logout.stderr).toBe(0);
  expect(logout.stderr).toContain(`Revoked ${keyId}`);
  expect(() => terminal.config()).toThrow();
  expect((await json(await owner.api.get(`/api/v1/keys/${keyId}`), 200)).status).toBe("revoked");
  const stale = await terminal.run(["whoami"], { env: { KEYSMITH_URL: baseURL!, KEYSMITH_API_KEY: apiKey } });
  expect(stale.code).toBe(1);
  expect(stale.stderr).toContain("API key has been revoked");
  expect((await terminal.run(["logout"])).stderr).toBe("Not logged in.\n");
});

test("login: an unreachable server, a bad URL or a bad device name is a clear error", async ({ baseURL }) => {
  const terminal = new Terminal();
  const nowhere = await terminal.run(["login", "--url", "http://127.0.0.1:9", "--no-browser"]);
  expect(nowhere.code).toBe(1);
  expect(nowhere.stderr).toMatch(/^keysmith: /);
  const bad = await terminal.run(["login", "--url", "not a url"]);
  expect(bad).toMatchObject({
    code: 1,
    stderr: 'keysmith: "not a url" is not a URL: use one such as https://keys.example.com\n',
  });
  const running: RunningCli = terminal.start(["login", "--url", baseURL!, "--device", "a".repeat(44)]);
  const result = await running.result();
  expect(result.code).toBe(1);
  expect(result.stderr).toBe("keysmith: deviceName: Use at most 43 characters\n");
});

test("login polls through a failing server and stops when the request expires (a stand-in server)", async () => {
  // Keysmith's own expiry is tested in-process with its clock (app/api/v1/cli/login/login.test.ts);
  // here a stand-in answers pending, then a 503, then 410 as an expired request does.
  const answers = [
    { status: 200, body: { status: "pending" } },
    { status: 503, body: { error: { code: "INTERNAL", message: "Internal server error" } } },
    {
      status: 410,
      body: { error: { code: "GONE", message: "This login request has expired: run keysmith login again" } },
    },
  ];
  const polls: string[] = [];
  const server = createServer((req, res) => {
    let text = "";
    req.on("data", (chunk) => (text += chunk));
    req.on("end", () => {
      const started = {
        code: "BCDF-GHJK",
        pollToken: "kspoll_test",
        verificationUrl: "http://stand-in/cli/authorize?code=BCDF-GHJK",
        expiresAt: new Date(Date.now() + 60_000).toISOString(),
        interval: 1,
      };
      if (req.url === "/api/v1/cli/login") return reply(res, 201, started);
      polls.push(JSON.parse(text).pollToken);
      const next = answers.shift() ?? answers.at(-1)!;
      reply(res, next.status, next.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  try {
    const result = await new Terminal().run(["login", "--url", `http://127.0.0.1:${port}`]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("trying again");
    expect(result.stderr).toMatch(/keysmith: This login request has expired: run keysmith login again\n$/);
    expect(polls).toEqual(["kspoll_test", "kspoll_test", "kspoll_test"]);
  } finally {
    server.close();
  }
});

function reply(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}
