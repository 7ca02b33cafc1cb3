import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  createWorkspaceAs,
  type InProcess,
  signUpCookie,
  startInProcess,
} from "@/app/api/v1/_testing/in-process";
import { GET as exportAudit } from "@/app/api/v1/audit/export/route";
import { POST as createKey } from "@/app/api/v1/keys/route";
import { allAuditEvents } from "@/lib/audit/query";

describe("audit export across many pages", () => {
  let env: InProcess;
  let cookie: string;
  let workspaceId: string;

  beforeAll(async () => {
    env = await startInProcess();
    cookie = await signUpCookie(env.runtime);
    workspaceId = (await createWorkspaceAs(cookie, { name: "Paper trail", slug: "paper-trail", keyPrefix: "pt" })).id;
    for (let i = 0; i < 7; i++) {
      env.advance(1000);
      const key = await call(createKey, "POST", "/api/v1/keys", { cookie, body: { name: `Key ${i}` } });
      expect(key.status).toBe(201);
    }
  });
  afterAll(async () => env.runtime.close());

  it("reads every event a page at a time, newest first, with no repeats", async () => {
    const pages = [];
    for await (const page of allAuditEvents(env.runtime.database.db, workspaceId, {}, 3)) pages.push(page);
    expect(pages.map((page) => page.length)).toEqual([3, 3, 2]);
    const events = pages.flat();
    expect(events.map((event) => event.action)).toEqual([...Array(7).fill("key.created"), "workspace.created"]);
    expect(events.map((event) => event.target?.label).slice(0, 2)).toEqual(["Key 6", "Key 5"]);
    expect(new Set(events.map((event) => event.id)).size).toBe(8);
  });

  it("streams the same events as CSV from the route", async () => {
    const res = await exportAudit(
      new Request("http://localhost:3000/api/v1/audit/export?workspace=paper-trail&action=key.created", {
        headers: { cookie },
      }),
      { params: Promise.resolve({}) },
    );
    expect(res.status).toBe(200);
    const lines = (await res.text()).trimEnd().split("\r\n");
    expect(lines).toHaveLength(8);
    expect(lines.slice(1).every((line) => line.split(",")[1] === "key.created")).toBe(true);
  });
});
