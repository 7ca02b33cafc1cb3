import { refusedStart } from "../support/server";
import { expect, test } from "../support/test";

/** The server as `npm start` runs it, given one bad variable: one line, exit status 1, no stack trace. */
test("a bad environment variable stops the server with one line naming it, its value and what it must be", async () => {
  test.setTimeout(60_000);
  const cases: [Record<string, string>, string][] = [
    [{ PORT: "abc" }, '[keysmith] PORT="abc": expected a port number from 1 to 65535'],
    [
      { KEYSMITH_USAGE_FLUSH_MS: "10s" },
      '[keysmith] KEYSMITH_USAGE_FLUSH_MS="10s": expected a whole number of milliseconds above 0',
    ],
    [
      { DATABASE_URL: "mysql://root@db/keysmith" },
      '[keysmith] DATABASE_URL="mysql://root@db/keysmith": expected a postgres:// or postgresql:// URL (or nothing, for the embedded database)',
    ],
    [
      { KEYSMITH_REQUEST_TIMEOUT_MS: "10s" },
      '[keysmith] KEYSMITH_REQUEST_TIMEOUT_MS="10s": expected a whole number of milliseconds above 0',
    ],
    // The SMTP URL carries the relay's password: named, never repeated.
    [
      { SMTP_URL: "http://relay:hunter2@mail.example.com", MAIL_FROM: "keys@example.com" },
      "[keysmith] SMTP_URL=(value not shown): expected an smtp:// or smtps:// URL, such as smtp://user:password@mail.example.com:587",
    ],
    [
      { SMTP_URL: "smtp://relay:hunter2@mail.example.com:587" },
      "[keysmith] MAIL_FROM is unset: SMTP_URL needs a sender address, such as keys@example.com",
    ],
  ];
  for (const [env, line] of cases) {
    const refused = await refusedStart({ KEYSMITH_DATA_DIR: "memory://", ...env });
    expect(refused.code).toBe(1);
    expect(refused.output.trim()).toBe(line);
  }
});
