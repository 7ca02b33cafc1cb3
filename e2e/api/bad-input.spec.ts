import { exportAuditQuerySchema, listAuditQuerySchema } from "../../lib/api/schemas/audit";
import { listKeysQuerySchema } from "../../lib/api/schemas/keys";
import { usageQuerySchema } from "../../lib/keys/usage-report";
import { addMember, createKey, json, PASSWORD, signUpWithWorkspace } from "../support/api";
import { apiRoutes } from "../support/api-routes";
import { corpusTargets } from "../support/bad-input-corpus";
import { type RawAnswer, rawRequest, rawSocket } from "../support/raw-http";
import { expect, test } from "../support/test";

/**
 * Every route that takes input, fed wrong types, missing fields, overlong strings, unknown
 * fields, invalid JSON and the wrong content type: always a JSON 400 naming the field,
 * never a 500.
 */
interface BodyRoute {
  method: "POST" | "PATCH";
  path: string;
  cases: [label: string, body: unknown, field: string][];
}

const long = (n: number) => "x".repeat(n);

test("bad input on every route → 400 with the failing field, never 500", async ({ baseURL }) => {
  test.setTimeout(60_000);
  const owner = await signUpWithWorkspace(baseURL!);
  const member = await addMember(baseURL!, owner, "member");
  const key = await createKey(owner.api, { name: "Target" });

  const bodyRoutes: BodyRoute[] = [
    {
      method: "POST",
      path: "/api/v1/keys",
      cases: [
        ["wrong type", { name: 123 }, "name"],
        ["missing field", { environment: "live" }, "name"],
        ["too short", { name: "ab" }, "name"],
        ["overlong", { name: long(51) }, "name"],
        ["overlong description", { name: "Valid", description: long(501) }, "description"],
        ["an environment the workspace does not have", { name: "Valid", environment: "prod" }, "environment"],
        ["not an environment name", { name: "Valid", environment: "Prod_1" }, "environment"],
        ["scopes not a list", { name: "Valid", scopes: "keys.read" }, "scopes"],
        ["malformed scope", { name: "Valid", scopes: ["KEYS"] }, "scopes.0"],
        ["bad CIDR", { name: "Valid", ipAllowlist: ["10.0.0.0/99"] }, "ipAllowlist.0"],
        ["unknown preset", { name: "Valid", expiresIn: "2d" }, "expiresIn"],
        ["bad date", { name: "Valid", expiresAt: "tomorrow" }, "expiresAt"],
        ["unknown field", { name: "Valid", owner: "me" }, "owner"],
        ["not an object", ["Valid"], "body"],
      ],
    },
    {
      method: "PATCH",
      path: `/api/v1/keys/${key.id}`,
      cases: [
        ["empty", {}, "body"],
        ["wrong type", { name: 5 }, "name"],
        ["wrong type enabled", { enabled: "yes" }, "enabled"],
        ["overlong", { description: long(501) }, "description"],
        ["bad CIDR", { ipAllowlist: ["::g"] }, "ipAllowlist.0"],
        ["unknown field", { hash: "x" }, "hash"],
      ],
    },
    {
      method: "POST",
      path: `/api/v1/keys/${key.id}/rotate`,
      cases: [
        ["bad duration", { gracePeriod: "forever" }, "gracePeriod"],
        ["negative", { gracePeriod: -1 }, "gracePeriod"],
        ["over 7 days", { gracePeriod: 604801 }, "gracePeriod"],
        ["unknown field", { grace: "1h" }, "grace"],
      ],
    },
    {
      method: "POST",
      path: "/api/v1/keys/verify",
      cases: [
        ["wrong type", { key: 5 }, "key"],
        ["missing field", {}, "key"],
        ["overlong", { key: long(600) }, "key"],
        ["bad ip", { key: "sk_live_x", ip: "300.1.1.1" }, "ip"],
        ["scopes not a list", { key: "sk_live_x", requiredScopes: "keys.read" }, "requiredScopes"],
        ["unknown field", { key: "sk_live_x", secret: true }, "secret"],
      ],
    },
    {
      method: "PATCH",
      path: "/api/v1/workspace",
      cases: [
        ["bad prefix", { keyPrefix: "Has_Underscore" }, "keyPrefix"],
        ["overlong prefix", { keyPrefix: long(13) }, "keyPrefix"],
        ["bad slug", { slug: "Not A Slug" }, "slug"],
        ["wrong type", { allowKeyMinting: "yes" }, "allowKeyMinting"],
        ["malformed custom scope", { customScopes: ["tasks"] }, "customScopes.0"],
        ["malformed environment", { environments: ["live", "Prod"] }, "environments.1"],
        ["no environment", { environments: [] }, "environments"],
        ["too short", { name: "" }, "name"],
        ["unknown field", { plan: "enterprise" }, "plan"],
      ],
    },
    {
      method: "POST",
      path: "/api/v1/members/invitations",
      cases: [
        ["bad email", { email: "not-an-email" }, "email"],
        ["missing field", { role: "member" }, "email"],
        ["unknown role", { email: "a@example.com", role: "god" }, "role"],
        ["unknown field", { email: "a@example.com", team: "x" }, "team"],
      ],
    },
    {
      method: "PATCH",
      path: `/api/v1/members/${member.memberId}`,
      cases: [
        ["missing field", {}, "role"],
        ["unknown role", { role: "superuser" }, "role"],
        ["unknown field", { role: "admin", userId: "x" }, "userId"],
      ],
    },
    {
      method: "POST",
      path: "/api/v1/workspaces",
      cases: [
        ["missing field", { slug: "abc" }, "name"],
        ["bad prefix", { name: "Valid", slug: "valid-slug", keyPrefix: "x" }, "keyPrefix"],
        ["overlong", { name: long(61), slug: "valid-slug" }, "name"],
        ["a slug that is one of the app's pages", { name: "Invite", slug: "invite" }, "slug"],
      ],
    },
    {
      method: "POST",
      path: "/api/v1/me/key",
      cases: [
        ["bad duration", { gracePeriod: "soon" }, "gracePeriod"],
        ["first is not a boolean", { first: "yes" }, "first"],
      ],
    },
  ];

  const problems: string[] = [];
  let checked = 0;
  for (const route of bodyRoutes) {
    const generic: [string, { data?: unknown; headers?: Record<string, string> }, string][] = [
      ["invalid JSON", { data: "{not json", headers: { "content-type": "application/json" } }, "body"],
      [
        "wrong content type",
        { data: "name=Valid", headers: { "content-type": "application/x-www-form-urlencoded" } },
        "content-type",
      ],
    ];
    const cases = [...route.cases.map(([label, body, field]) => [label, { data: body }, field] as const), ...generic];
    for (const [label, init, field] of cases) {
      const response = await owner.api.fetch(route.path, { method: route.method, ...init });
      const text = await response.text();
      checked++;
      let body: { error?: { code?: string; details?: { issues?: { field: string }[] } } } = {};
      try {
        body = JSON.parse(text);
      } catch {
        // reported below
      }
      const fields = body.error?.details?.issues?.map((issue) => issue.field) ?? [];
      if (response.status() !== 400 || body.error?.code !== "VALIDATION_FAILED" || !fields.includes(field)) {
        problems.push(
          `${route.method} ${route.path} [${label}]: expected 400 on "${field}", got ${response.status()} ${text}`,
        );
      }
    }
  }

  const queryCases: [string, string][] = [
    ["/api/v1/keys?limit=0", "limit"],
    ["/api/v1/keys?limit=abc", "limit"],
    ["/api/v1/keys?status=bogus", "status.0"],
    ["/api/v1/keys?sort=size", "sort"],
    ["/api/v1/keys?environment=Prod_1", "environment"],
    ["/api/v1/keys?colour=red", "colour"],
    [`/api/v1/keys?search=${long(51)}`, "search"],
    ["/api/v1/audit?action=key.exploded", "action"],
    ["/api/v1/audit?from=yesterday", "from"],
    ["/api/v1/audit?limit=1000", "limit"],
    ["/api/v1/audit?from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z", "to"],
    ["/api/v1/audit/export?action=key.exploded", "action"],
    ["/api/v1/audit/export?limit=10", "limit"],
  ];
  for (const [path, field] of queryCases) {
    const response = await owner.api.get(path);
    checked++;
    const body = await response.json().catch(() => ({}));
    const fields = body.error?.details?.issues?.map((issue: { field: string }) => issue.field) ?? [];
    if (response.status() !== 400 || !fields.includes(field)) {
      problems.push(`GET ${path}: expected 400 on "${field}", got ${response.status()} ${JSON.stringify(body)}`);
    }
  }

  const huge = await owner.api.post("/api/v1/keys", { data: { name: "Valid", description: long(70_000) } });
  expect(huge.status()).toBe(413);
  expect((await huge.json()).error.code).toBe("PAYLOAD_TOO_LARGE");

  expect(problems, problems.join("\n")).toEqual([]);
  expect(checked).toBeGreaterThan(60);
});

/**
 * A corpus generated over every route (read from app/api) × every method × the classes of
 * hostile input an outside probe sends: never a 500, and every error in the API's shape.
 */
test("generated corpus: every route × method × class of bad input → a JSON 4xx, never a 500", async ({ baseURL }) => {
  test.setTimeout(180_000);
  const { owner, key, member, idFor } = await corpusTargets(baseURL!);
  const { cookies } = await owner.api.storageState();
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const session = { cookie, origin: baseURL!, "x-workspace-id": owner.workspace.id };

  const concrete = (template: string, id = idFor(template)) =>
    template.replace("[[...path]]", "no-such-route").replace("[...all]", "get-session").replace("[id]", id);

  const problems: string[] = [];
  let sent = 0;
  /** Collects what breaks the contract: a 5xx, or an error outside `{"error":{"code","message"}}`. */
  async function probe(label: string, method: string, path: string, options: Parameters<typeof rawRequest>[3] = {}) {
    sent++;
    let answer: RawAnswer;
    try {
      answer = await rawRequest(baseURL!, method, path, options);
    } catch (error) {
      problems.push(`${label} ${method} ${path}: no answer (${(error as Error).message})`);
      return;
    }
    const where = `${label} ${method} ${path} → ${answer.status} ${answer.contentType} ${answer.body.slice(0, 160)}`;
    if (answer.status >= 500) problems.push(where);
    if (answer.status < 400 || method === "HEAD" || !path.startsWith("/api")) return;
    if (!answer.contentType.startsWith("application/json")) {
      problems.push(`${where} (not JSON)`);
      return;
    }
    const body = JSON.parse(answer.body);
    // better-auth's own routes answer in its shape, which its client in the pages reads.
    const error = path.startsWith("/api/auth/") ? body : body.error;
    if (typeof error?.message !== "string" || (!path.startsWith("/api/auth/") && typeof error.code !== "string")) {
      problems.push(`${where} (not the error shape)`);
    }
  }

  const routes = apiRoutes();
  expect(routes.length).toBeGreaterThan(18);

  // Methods: every route, served or not, and methods Next has no handler for.
  // (A method node's parser does not know, such as FOO, is a malformed request: 400.)
  const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND", "FOO"];
  for (const { template, served } of routes) {
    for (const method of METHODS) {
      // Anonymous, so that a served method is refused (401) rather than carried out.
      const answer = await rawRequest(baseURL!, method, concrete(template), {
        headers: { "content-type": "application/json" },
        body: method === "GET" || method === "HEAD" ? undefined : "{}",
      });
      sent++;
      const unserved = !served.includes(method) && !["HEAD", "OPTIONS"].includes(method);
      const expected = method === "FOO" ? 400 : 405;
      if (unserved && answer.status !== expected && !template.includes("[[...path]]")) {
        problems.push(`${method} ${template}: expected ${expected}, got ${answer.status} ${answer.body.slice(0, 120)}`);
      }
      if (answer.status >= 500 || (answer.status >= 400 && method !== "HEAD" && !answer.contentType.includes("json"))) {
        problems.push(`${method} ${template} → ${answer.status} ${answer.contentType} ${answer.body.slice(0, 120)}`);
      }
    }
  }

  // Path ids: NUL, bad percent-encoding, an encoded lone surrogate, CR/LF, traversal, overlong.
  const BAD_IDS = [
    "%00",
    "a%00b",
    "%ff",
    "%ED%A0%80",
    "%C0%AF",
    "%0D%0Aset-cookie:%20x=1",
    "..%2F..%2Fapi",
    "x".repeat(300),
  ];
  for (const { template, served } of routes.filter((r) => r.template.includes("[id]"))) {
    for (const id of BAD_IDS) {
      for (const method of served) {
        await probe("id", method, concrete(template, id), {
          headers: { ...session, "content-type": "application/json" },
          body: method === "GET" ? undefined : "{}",
        });
      }
    }
  }

  // Query parameters: every parameter each list route knows, with each bad value.
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const BAD_VALUES = [
    "%00",
    "a%00b",
    "%ED%A0%80",
    "%ff",
    "%0D%0A",
    "%E2%80%A8",
    "0000-01-01T00:00:00Z",
    "-000001-01-01T00:00:00Z",
    "275760-09-13T00:00:00Z",
    "9999-12-31T23:59:59-23:59",
    "-1",
    "1e309",
    encode(["0000-01-01T00:00:00Z", "key_x"]),
    encode(["\u0000", "\u0000"]),
    encode(["\ud800", "key_x"]),
    encode(["not a date", "key_x"]),
    encode([1, 2]),
    encode({ value: "x" }),
    "!!!!",
    "x".repeat(500),
  ];
  const queryRoutes: [string, readonly string[]][] = [
    ["/api/v1/keys", Object.keys(listKeysQuerySchema.shape)],
    ["/api/v1/audit", Object.keys(listAuditQuerySchema.shape)],
    ["/api/v1/audit/export", Object.keys(exportAuditQuerySchema.shape)],
    [`/api/v1/keys/${key.id}/usage`, Object.keys(usageQuerySchema.shape)],
  ];
  for (const [path, params] of queryRoutes) {
    for (const param of params) {
      for (const value of BAD_VALUES) {
        await probe("query", "GET", `${path}?${param}=${value}`, { headers: session });
      }
    }
    // The cursor of the name sort holds a name, not a date: a date cursor there, and the reverse.
    await probe("query", "GET", `${path}?sort=name&cursor=${encode(["\ud800", "key_x"])}`, { headers: session });
  }
  // The download link's workspace, which stands in for a header.
  for (const value of ["%00", "%0D%0A", "%E2%80%A8", "%ff", "a%20b"]) {
    await probe("export", "GET", `/api/v1/audit/export?workspace=${value}`, { headers: { cookie } });
  }

  // Bodies: every text field of a valid body, in turn NUL, a lone surrogate, or both.
  const BAD_TEXT = ["\u0000", "a\u0000b", "\ud800", "x\udfffy"];
  const bodies: [string, string, Record<string, unknown>][] = [
    [
      "POST",
      "/api/v1/keys",
      { name: "Corpus key", description: "d", scopes: ["keys.read"], ipAllowlist: ["10.0.0.0/8"] },
    ],
    ["PATCH", `/api/v1/keys/${key.id}`, { name: "Renamed", description: "d", scopes: ["keys.read"] }],
    ["POST", `/api/v1/keys/${key.id}/rotate`, { gracePeriod: "1h" }],
    [
      "POST",
      "/api/v1/keys/verify",
      { key: "sk_live_x", ip: "10.0.0.1", requiredScopes: ["keys.read"], workspaceId: "w" },
    ],
    ["POST", "/api/v1/keys/verify?via=next", { key: "sk_live_x", requiredScopes: ["keys.read"], workspaceId: "w" }],
    ["PATCH", "/api/v1/workspace", { name: "Renamed", slug: "renamed", keyPrefix: "sk", customScopes: ["tasks.read"] }],
    ["POST", "/api/v1/members/invitations", { email: "a@example.com", role: "member" }],
    ["PATCH", `/api/v1/members/${member.memberId}`, { role: "member" }],
    ["POST", "/api/v1/workspaces", { name: "Corpus", slug: "corpus-x", keyPrefix: "sk" }],
    ["POST", "/api/v1/me/key", { gracePeriod: "1h" }],
    ["POST", "/api/auth/sign-up/email", { name: "Corpus", email: "c@example.com", password: PASSWORD }],
    ["POST", "/api/auth/sign-in/email", { email: "c@example.com", password: PASSWORD }],
  ];
  for (const [method, path, valid] of bodies) {
    const variants: [string, unknown][] = [["field name", { ...valid, "\u0000": 1 }]];
    for (const [field, value] of Object.entries(valid)) {
      for (const bad of BAD_TEXT) {
        variants.push([field, { ...valid, [field]: Array.isArray(value) ? [bad] : bad }]);
      }
    }
    const headers = path.startsWith("/api/auth/")
      ? { origin: baseURL!, "content-type": "application/json" }
      : { ...session, "content-type": "application/json" };
    for (const [field, body] of variants) {
      const answer = await rawRequest(baseURL!, method, path, { headers, body: JSON.stringify(body) });
      sent++;
      if (answer.status !== 400) {
        problems.push(`${method} ${path} [${field}]: expected 400, got ${answer.status} ${answer.body.slice(0, 160)}`);
      } else if (!path.startsWith("/api/auth/") && JSON.parse(answer.body).error?.code !== "VALIDATION_FAILED") {
        problems.push(`${method} ${path} [${field}]: ${answer.body.slice(0, 160)}`);
      }
    }
  }

  // A tampered cookie cache beside a valid session: no session, never a crash.
  const cached = cookies.find((c) => c.name === "better-auth.session_data")?.value ?? "";
  expect(cached).not.toBe("");
  const tampered = [
    "x",
    "%00",
    "e30",
    "eyJzZXNzaW9uIjpudWxsfQ",
    "a".repeat(3000),
    "..",
    `${cached}x`,
    cached.slice(0, -4),
    Buffer.from(JSON.stringify({ session: { session: {}, user: {} }, expiresAt: 9e15, signature: "x" })).toString(
      "base64url",
    ),
  ];
  for (const value of tampered) {
    const others = cookies.filter((c) => c.name !== "better-auth.session_data").map((c) => `${c.name}=${c.value}`);
    const headers = { ...session, cookie: [...others, `better-auth.session_data=${value}`].join("; ") };
    for (const path of [
      "/api/v1/me",
      "/api/v1/keys",
      "/api/auth/get-session",
      "/",
      "/account",
      `/${owner.workspace.slug}/keys`,
    ]) {
      await probe("cookie", "GET", path, { headers });
    }
  }

  // Paths with no route, and requests node's HTTP parser refuses.
  for (const path of ["/api", "/api/", "/api/v1", "/api/v2/keys", "/api/nothing", "/api/v1/keys/x/y/z"]) {
    await probe("no route", "GET", path, { headers: session });
  }
  const parserReplies = [
    await rawSocket(baseURL!, "GET /api/v1/keys HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n"),
    await rawSocket(baseURL!, "NOT-HTTP\r\n\r\n"),
    await rawSocket(baseURL!, `GET /api/v1/keys HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(70_000)}\r\n\r\n`),
    await rawSocket(
      baseURL!,
      "GET /api/v1/keys HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n",
    ),
  ];
  for (const reply of parserReplies) {
    sent++;
    const [head, body] = reply.split("\r\n\r\n");
    if (!/^HTTP\/1\.1 4\d\d /.test(head) || !/content-type: application\/json/i.test(head)) {
      problems.push(`parser: ${reply.slice(0, 200)}`);
    } else if (typeof JSON.parse(body).error?.code !== "string") problems.push(`parser: ${reply.slice(0, 200)}`);
  }
  expect(parserReplies[2]).toMatch(/^HTTP\/1\.1 431 /);

  expect(problems, `${problems.length} of ${sent}:\n${problems.join("\n")}`).toEqual([]);
  expect(sent).toBeGreaterThan(900);
  // Nothing above changed the workspace: every mutation was refused.
  expect((await json(await owner.api.get(`/api/v1/keys/${key.id}`), 200)).name).toBe("Corpus target");
});
