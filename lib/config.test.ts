import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig, VARIABLES } from "./config";

describe("configuration", () => {
  it("fills in the defaults, with the types the code uses", () => {
    const config = parseConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.HOST).toBe("::");
    expect(config.KEYSMITH_TRUST_PROXY).toBe(false);
    expect(config.KEYSMITH_AUTH_RATE_LIMIT).toBe(true);
    expect(config.KEYSMITH_PERSONAL_KEY_AT_SIGNUP).toBe(true);
    expect(config.KEYSMITH_USAGE_FLUSH_MS).toBe(2000);
    expect(config.DATABASE_URL).toBeUndefined();
    const set = parseConfig({
      PORT: "8080",
      KEYSMITH_TRUST_PROXY: "1",
      KEYSMITH_AUTH_RATE_LIMIT: "off",
      KEYSMITH_PERSONAL_KEY_AT_SIGNUP: "off",
      DATABASE_URL: "postgresql://keysmith:secret@db:5432/keysmith",
      KEYSMITH_SHUTDOWN_DELAY_MS: "0",
      // An empty value is unset, as compose files leave them.
      KEYSMITH_DB_POOL_SIZE: "",
    });
    expect(set).toMatchObject({
      PORT: 8080,
      KEYSMITH_TRUST_PROXY: true,
      KEYSMITH_AUTH_RATE_LIMIT: false,
      KEYSMITH_PERSONAL_KEY_AT_SIGNUP: false,
    });
    expect(set.KEYSMITH_DB_POOL_SIZE).toBe(10);
  });

  it("refuses a bad value with one line naming the variable, the value and what it must be", () => {
    const cases: [Record<string, string>, string][] = [
      [{ PORT: "abc" }, 'PORT="abc": expected a port number from 1 to 65535'],
      [{ KEYSMITH_PERSONAL_KEY_AT_SIGNUP: "yes" }, 'KEYSMITH_PERSONAL_KEY_AT_SIGNUP="yes": expected on or off'],
      [{ PORT: "70000" }, 'PORT="70000": expected a port number from 1 to 65535'],
      [
        { KEYSMITH_USAGE_FLUSH_MS: "10s" },
        'KEYSMITH_USAGE_FLUSH_MS="10s": expected a whole number of milliseconds above 0',
      ],
      [
        { KEYSMITH_USAGE_FLUSH_MS: "0" },
        'KEYSMITH_USAGE_FLUSH_MS="0": expected a whole number of milliseconds above 0',
      ],
      [
        { DATABASE_URL: "mysql://root@db/keysmith" },
        'DATABASE_URL="mysql://root@db/keysmith": expected a postgres:// or postgresql:// URL (or nothing, for the embedded database)',
      ],
      [{ KEYSMITH_TRUST_PROXY: "yes" }, 'KEYSMITH_TRUST_PROXY="yes": expected 1 (behind a reverse proxy) or 0'],
      [{ BETTER_AUTH_URL: "keys.example.com" }, expect.stringContaining("BETTER_AUTH_URL=") as unknown as string],
      [{ BETTER_AUTH_SECRET: "short" }, 'BETTER_AUTH_SECRET="short": expected at least 32 characters'],
      [
        { KEYSMITH_HEADERS_TIMEOUT_MS: "40000" },
        "KEYSMITH_HEADERS_TIMEOUT_MS (40000) must not exceed KEYSMITH_REQUEST_TIMEOUT_MS (30000)",
      ],
    ];
    for (const [env, message] of cases) {
      expect(() => parseConfig(env)).toThrow(ConfigError);
      expect(() => parseConfig(env)).toThrow(expect.objectContaining({ message }));
    }
  });

  it("has production webhook timings by default; a lease must outlast the timeout", () => {
    const defaults = parseConfig({});
    expect(defaults.KEYSMITH_WEBHOOK_ALLOW_PRIVATE).toBe(false);
    expect(defaults.KEYSMITH_WEBHOOK_TIMEOUT_MS).toBe(10_000);
    expect(defaults.KEYSMITH_WEBHOOK_RETRY_WINDOW_MS).toBe(24 * 60 * 60_000);
    expect(defaults.KEYSMITH_WEBHOOK_DISABLE_AFTER_MS).toBe(3 * 24 * 60 * 60_000);
    expect(parseConfig({ KEYSMITH_WEBHOOK_ALLOW_PRIVATE: "1" }).KEYSMITH_WEBHOOK_ALLOW_PRIVATE).toBe(true);
    expect(() => parseConfig({ KEYSMITH_WEBHOOK_LEASE_MS: "5000" })).toThrow(
      /KEYSMITH_WEBHOOK_LEASE_MS \(5000\) must exceed KEYSMITH_WEBHOOK_TIMEOUT_MS \(10000\)/,
    );
    expect(() => parseConfig({ KEYSMITH_WEBHOOK_ALLOW_PRIVATE: "yes" })).toThrow(
      /KEYSMITH_WEBHOOK_ALLOW_PRIVATE="yes"/,
    );
  });

  it("reads SMTP_URL and MAIL_FROM, and names a bad one without repeating its password", () => {
    expect(parseConfig({}).SMTP_URL).toBeUndefined();
    const mail = parseConfig({
      SMTP_URL: "smtp://user:pass@mail.example.com:587",
      MAIL_FROM: "Keysmith <keys@example.com>",
    });
    expect(mail.SMTP_URL).toBe("smtp://user:pass@mail.example.com:587");
    expect(mail.MAIL_FROM).toBe("Keysmith <keys@example.com>");
    expect(parseConfig({ SMTP_URL: "smtps://mail.example.com", MAIL_FROM: "keys@example.com" }).MAIL_FROM).toBe(
      "keys@example.com",
    );
    const cases: [Record<string, string>, string][] = [
      [
        { SMTP_URL: "http://user:hunter2@mail.example.com", MAIL_FROM: "keys@example.com" },
        "SMTP_URL=(value not shown): expected an smtp:// or smtps:// URL, such as smtp://user:password@mail.example.com:587",
      ],
      [
        { SMTP_URL: "user:hunter2@mail.example.com", MAIL_FROM: "keys@example.com" },
        "SMTP_URL=(value not shown): expected an smtp:// or smtps:// URL, such as smtp://user:password@mail.example.com:587",
      ],
      [
        { MAIL_FROM: "Keysmith <not an address>" },
        'MAIL_FROM="Keysmith <not an address>": expected a sender address, such as keys@example.com or "Keysmith <keys@example.com>"',
      ],
      [
        { SMTP_URL: "smtp://mail.example.com" },
        "MAIL_FROM is unset: SMTP_URL needs a sender address, such as keys@example.com",
      ],
    ];
    for (const [env, message] of cases) {
      expect(() => parseConfig(env)).toThrow(expect.objectContaining({ name: "ConfigError", message }));
      expect(() => parseConfig(env)).not.toThrow(/hunter2/);
    }
  });

  it("the README's table lists every variable the code reads, with its default", () => {
    const readme = readFileSync("README.md", "utf8");
    const section = readme.slice(readme.indexOf("## Configuration"));
    const rows = [...section.matchAll(/^\| `([A-Z_]+)` \| ([^|]+) \|/gm)].map(([, name, fallback]) => ({
      name,
      fallback: fallback.trim(),
    }));
    expect(rows.map((row) => row.name).sort()).toEqual(Object.keys(VARIABLES).sort());
    for (const row of rows) {
      const spec = VARIABLES[row.name as keyof typeof VARIABLES] as { fallback?: string };
      if (spec.fallback !== undefined) expect(row.fallback, row.name).toBe(`\`${spec.fallback}\``);
    }
  });
});
