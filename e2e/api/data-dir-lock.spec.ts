import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, refusedStart, signUpOn, startServer } from "../support/server";
import { expect, test } from "../support/test";

test("a second server on the same data folder refuses to start; a killed owner's lock does not block a restart", async () => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(join(tmpdir(), "keysmith-shared-"));
  const first = await startServer(await freePort(), { KEYSMITH_DATA_DIR: dataDir });
  let restarted: Awaited<ReturnType<typeof startServer>> | null = null;
  try {
    const { post } = await signUpOn(first.url, "Lock Owner", "lock@example.com");
    expect((await post("/api/v1/workspaces", { name: "Lock", slug: "lock" })).status).toBe(201);
    const key = await (await post("/api/v1/keys", { name: "Survivor" })).json();

    const second = await refusedStart({ KEYSMITH_DATA_DIR: dataDir });
    expect(second.code).toBe(1);
    const refusal = second.output.split("\n").filter((line) => line.includes("in use by another Keysmith process"));
    expect(refusal).toEqual([
      `[keysmith] the data folder ${join(dataDir, "pglite")} is in use by another Keysmith process (pid ${first.process.pid}); stop it, or give this one its own KEYSMITH_DATA_DIR`,
    ]);
    expect(second.output).not.toContain("    at ");

    // SIGKILL: no shutdown, the lock file stays behind with a pid that no longer runs.
    await first.stop("SIGKILL");
    restarted = await startServer(await freePort(), { KEYSMITH_DATA_DIR: dataDir });
    const verify = await fetch(`${restarted.url}/api/v1/keys/verify`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ key: key.key }),
    });
    expect((await verify.json()).code).toBe("VALID");
  } finally {
    await first.stop("SIGKILL");
    await restarted?.stop();
  }
});
