import { serve } from "@hono/node-server";
import { getConnInfo } from "@hono/node-server/conninfo";
import { type KeysmithEnv, keysmith } from "@keysmith/sdk/hono";
import { test } from "@playwright/test";
import { Hono } from "hono";
import { checkMiddleware, sdkWorkspace } from "../support/sdk";
import { freePort } from "../support/server";

// @keysmith/sdk/hono inside a real Hono app served by @hono/node-server on a free port.
test("Hono middleware: 401 without a usable key, 403 without the scope or from another address, 429 over the limit; c.get('keysmith') for the handler", async ({
  baseURL,
}) => {
  const workspace = await sdkWorkspace(baseURL!);
  // The process-wide client, made on the first request from KEYSMITH_URL (no API key: verify needs none).
  process.env.KEYSMITH_URL = baseURL!;
  const getIp = (c: Parameters<typeof getConnInfo>[0]) => getConnInfo(c).remote.address;
  const app = new Hono<KeysmithEnv>();
  app.get("/open", keysmith({ getIp }), (c) => c.json({ keysmith: c.get("keysmith") }));
  app.get("/audit", keysmith({ getIp, requiredScopes: ["audit.read"] }), (c) =>
    c.json({ keysmith: c.get("keysmith") }),
  );
  app.get("/custom", keysmith({ getIp, onRefuse: (refusal, c) => c.json({ refused: refusal.reason }, 418) }), (c) =>
    c.json({ keysmith: c.get("keysmith") }),
  );
  const port = await freePort();
  const server = serve({ fetch: app.fetch, port, hostname: "127.0.0.1" });
  try {
    await checkMiddleware(`http://127.0.0.1:${port}`, workspace);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
