import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEV_SERVER_NODE_ARGS, SERVER_NODE_ARGS } from "./server-command";

// Tests and benchmarks start the server with SERVER_NODE_ARGS; users start it with npm's scripts.
describe("the server's start command", () => {
  const scripts = JSON.parse(readFileSync("package.json", "utf8")).scripts as Record<string, string>;
  const command = `node ${SERVER_NODE_ARGS.join(" ")}`;

  it("is what npm start runs", () => {
    expect(scripts.start).toBe(`NODE_ENV=production ${command}`);
  });

  it("is what npm run dev runs, from the sources and in development mode", () => {
    expect(scripts.dev).toBe(`node ${DEV_SERVER_NODE_ARGS.join(" ")}`);
  });

  it("runs what npm run build compiles", () => {
    expect(scripts.build).toBe("next build && node scripts/build-server.ts");
  });
});
