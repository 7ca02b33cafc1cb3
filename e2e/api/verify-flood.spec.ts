import { generateKey } from "../../lib/keys/format";
import { createKey, signUpWithWorkspace } from "../support/api";
import { freePort, metric, startServer } from "../support/server";
import { expect, test } from "../support/test";

/**
 * A Keysmith user's backend forwards everything its own clients send, good and bad, from
 * one address. A flood of random keys through it must not lock out its valid clients, and
 * must not reach the database. Its own server, in the default configuration, so that the
 * metrics count this flood alone.
 */
test("a flood of unknown and malformed keys from one address refuses no valid key and reads nothing", async () => {
  test.setTimeout(240_000);
  const server = await startServer(await freePort());
  try {
    const owner = await signUpWithWorkspace(server.url);
    const valid = await Promise.all(
      Array.from({ length: 20 }, (_, i) => createKey(owner.api, { name: `Client ${i}` }).then((k) => k.key)),
    );
    const verify = async (key: string) => {
      const res = await fetch(`${server.url}/api/v1/keys/verify`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ key }),
      });
      return { status: res.status, code: res.status === 200 ? ((await res.json()) as { code: string }).code : "" };
    };
    for (const key of valid) expect(await verify(key)).toEqual({ status: 200, code: "VALID" }); // now cached

    // 50,000 well-formed unknown keys, 5,000 malformed ones and 1,000 valid ones, interleaved.
    type Sent = { key: string; expected: string };
    const sent: Sent[] = [];
    for (let i = 0; i < 56_000; i++) {
      if (i % 56 === 0) sent.push({ key: valid[(i / 56) % valid.length], expected: "VALID" });
      else if (i % 11 === 5 && sent.filter((s) => s.expected === "MALFORMED").length < 5_000) {
        const key = generateKey("sk", "live");
        sent.push({ key: key.slice(0, -1) + (key.endsWith("A") ? "B" : "A"), expected: "MALFORMED" });
      } else sent.push({ key: generateKey("sk", "live"), expected: "NOT_FOUND" });
    }
    const count = (expected: string) => sent.filter((s) => s.expected === expected).length;
    expect([count("VALID"), count("MALFORMED"), count("NOT_FOUND")]).toEqual([1_000, 5_000, 50_000]);

    const before = await counters(server.url);
    const wrong: string[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        while (next < sent.length) {
          const { key, expected } = sent[next++];
          const answer = await verify(key);
          if (answer.status !== 200 || answer.code !== expected) {
            wrong.push(`${expected} answered ${answer.status} ${answer.code}`);
          }
        }
      }),
    );
    const after = await counters(server.url);

    expect(wrong.slice(0, 10), `${wrong.length} wrong answers`).toEqual([]);
    // The README's promise: on the embedded database an unknown key costs no database read at
    // all (the key index knows every key), so no budget is ever spent and none is refused.
    expect(after.lookups - before.lookups).toBe(0);
    expect(after.unknownRefused - before.unknownRefused).toBe(50_000);
    expect(after.budgetRefusals - before.budgetRefusals).toBe(0);
    // Every statement sent meanwhile was a usage write (the 2-second flush), none a read.
    expect(after.queries - before.queries).toBe(after.writes - before.writes);
  } finally {
    await server.stop("SIGKILL");
  }
});

async function counters(url: string) {
  return {
    lookups: await metric(url, "keysmith_key_lookups_total"),
    unknownRefused: await metric(url, "keysmith_unknown_keys_refused_total"),
    budgetRefusals: await metric(url, "keysmith_lookup_budget_refusals_total"),
    queries: await metric(url, "keysmith_db_queries_total"),
    writes: await metric(url, "keysmith_db_writes_total"),
  };
}
