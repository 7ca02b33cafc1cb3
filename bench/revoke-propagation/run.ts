import { randomBytes } from "node:crypto";
import {
  measureDemotions,
  measureRevocations,
  metricOf,
  ownerAndMember,
  type Propagation,
  summarize,
} from "../../e2e/support/propagation";
import { startServer } from "../../e2e/support/server";
import { STARTING_LOAD } from "../machine-load";
import { withBenchDatabase } from "../postgres-run";
import { writeReport } from "../support/report-file";

/**
 * How fast a change made on one instance reaches another's key cache: two production
 * instances, A and B, on one fresh PostgreSQL database. Each round creates a key on A,
 * verifies it twice on B (cached), revokes it on A and verifies on B back to back until
 * it is refused; then the same for demoting a key's creator (B's answer loses keys.write).
 *
 *   npx tsx bench/revoke-propagation/run.ts              100 rounds each → bench/results/revoke-propagation.md
 *   npx tsx bench/revoke-propagation/run.ts --rounds=500
 */
const ROUNDS = Number(process.argv.find((a) => a.startsWith("--rounds="))?.split("=")[1] ?? 100);
const TARGET_MS = 250;
const PORTS = [4113, 4114];

async function main(): Promise<void> {
  await withBenchDatabase("SIGTERM", async (database, servers) => {
    const env = { DATABASE_URL: database.url, BETTER_AUTH_SECRET: randomBytes(32).toString("base64url") };
    servers.push(...(await Promise.all(PORTS.map((port) => startServer(port, env)))));
    const [a, b] = servers;
    log(`A ${a.url}, B ${b.url}, database ${database.name}`);

    const misses = () => metricOf(b.url, "keysmith_key_cache_misses_total");
    const revocationSetup = await ownerAndMember(a.url, "admin");
    log(`${ROUNDS} revocations`);
    const missesBefore = await misses();
    const revocations = await measureRevocations(revocationSetup.owner, b.url, ROUNDS);
    const revocationLoads = (await misses()) - missesBefore;

    const demotionSetup = await ownerAndMember(a.url, "admin");
    const memberKey = await demotionSetup.member.call(
      "POST",
      "/api/v1/keys",
      { name: "Admin's key", scopes: ["keys.read", "keys.write"] },
      201,
    );
    log(`${ROUNDS} demotions`);
    const missesBeforeDemotions = await misses();
    const demotions = await measureDemotions(demotionSetup.owner, demotionSetup.memberId, memberKey.key, b.url, ROUNDS);
    const demotionLoads = (await misses()) - missesBeforeDemotions;

    const report = render(
      { revocation: revocations, demotion: demotions },
      `B read the key from the database ${revocationLoads} times over the ${ROUNDS} revocation rounds (2 a round: before, and after the invalidation dropped it) and ${demotionLoads} times over the ${ROUNDS} demotion rounds (after each demotion and each promotion back, once more at first): every change was seen on a key B had cached.`,
    );
    writeReport("revoke-propagation", report, log);
  });
}

function render(results: Record<string, Propagation[]>, cacheNote: string): string {
  const rows = Object.entries(results).flatMap(([change, list]) => {
    const ack = summarize(list.map((r) => r.afterAck));
    const request = summarize(list.map((r) => r.afterRequest));
    return [
      `| ${change} | after A answered | ${ack.n} | ${ack.p50.toFixed(1)} | ${ack.p99.toFixed(1)} | ${ack.max.toFixed(1)} | ${ack.p99 < TARGET_MS ? "✅" : "❌"} |`,
      `| ${change} | from the request to A | ${request.n} | ${request.p50.toFixed(1)} | ${request.p99.toFixed(1)} | ${request.max.toFixed(1)} | ${request.p99 < TARGET_MS ? "✅" : "❌"} |`,
    ];
  });
  return [
    "# Cross-instance propagation benchmark",
    "",
    `${new Date().toISOString()} · two production instances (\`server.ts\`) on one PostgreSQL 15 database over loopback, invalidations by LISTEN/NOTIFY · ${ROUNDS} rounds per change, each on a key cached on B first · B polled with back-to-back verifications · ${process.platform} ${process.arch}, Node ${process.version}, 2 cores shared by both instances, PostgreSQL and the client, load average ${STARTING_LOAD} when the run started`,
    "",
    `| change | measured | rounds | p50 (ms) | p99 (ms) | max (ms) | p99 < ${TARGET_MS} ms |`,
    "|---|---|---:|---:|---:|---:|---|",
    ...rows,
    "",
    cacheNote,
    "",
    "\"After A answered\": from A's response to the change (committed) to B's first answer showing it. \"From the request\" adds A's own handling of the change. B's first answer after the invalidation includes its database read of the key; a poll is one verification round trip to B, so figures include up to one poll interval.",
    "",
  ].join("\n");
}

function log(message: string): void {
  console.error(`[bench] ${message}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
