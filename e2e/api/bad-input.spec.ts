import { expect, test } from "@playwright/test";
import { addMember, createKey, signUpWithWorkspace } from "../support/api";

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
        ["unknown environment", { name: "Valid", environment: "prod" }, "environment"],
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
      cases: [["bad duration", { gracePeriod: "soon" }, "gracePeriod"]],
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
    ["/api/v1/keys?environment=prod", "environment"],
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
