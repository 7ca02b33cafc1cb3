import type { Server } from "node:http";
import { keysmith } from "@keysmith/sdk/express";
import { expect, test } from "@playwright/test";
import express from "express";
import { checkMiddleware, sdkWorkspace } from "../support/sdk";
import { freePort } from "../support/server";

// @keysmith/sdk/express inside a real Express 5 app on a free port.
test("Express middleware: 401 without a usable key, 403 without the scope or from another address, 429 over the limit; req.keysmith for the handler", async ({
  baseURL,
}) => {
  const workspace = await sdkWorkspace(baseURL!);
  // One client for the app, acting as a verifier key of the workspace (keys.verify).
  const client = { baseUrl: baseURL!, apiKey: workspace.adminKey };
  const app = express();
  app.get("/open", keysmith({ client }), (req, res) => {
    res.json({ keysmith: req.keysmith });
  });
  app.get("/audit", keysmith({ client, requiredScopes: ["audit.read"] }), (req, res) => {
    res.json({ keysmith: req.keysmith });
  });
  app.get(
    "/custom",
    keysmith({ client, onRefuse: (refusal, _req, res) => void res.status(418).json({ refused: refusal.reason }) }),
    (req, res) => {
      res.json({ keysmith: req.keysmith });
    },
  );
  const port = await freePort();
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(port, "127.0.0.1", () => resolve(listening));
  });
  try {
    await checkMiddleware(`http://127.0.0.1:${port}`, workspace);

    // A verifier key answers only for its own workspace: another workspace's key is unknown here.
    const other = await sdkWorkspace(baseURL!);
    const res = await fetch(`http://127.0.0.1:${port}/open`, {
      headers: { authorization: `Bearer ${other.adminKey}` },
    });
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toBe("API key is not recognised");
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
