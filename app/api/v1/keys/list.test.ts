import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  createWorkspaceAs,
  type InProcess,
  signUpCookie,
  startInProcess,
} from "@/app/api/v1/_testing/in-process";
import { POST as createKey, GET as listKeys } from "@/app/api/v1/keys/route";

interface Page {
  data: { name: string }[];
  nextCursor: string | null;
  prevCursor: string | null;
}

describe("GET /api/v1/keys: keyset pages forwards (cursor) and backwards (before)", () => {
  let env: InProcess;
  let cookie: string;
  const names = ["kilo", "alpha", "juliet", "bravo", "india", "charlie", "hotel"];

  beforeAll(async () => {
    env = await startInProcess();
    cookie = await signUpCookie(env.runtime);
    await createWorkspaceAs(cookie, { name: "Pager", slug: "pager", keyPrefix: "pg" });
    for (const name of names) {
      env.advance(1000);
      expect((await call(createKey, "POST", "/api/v1/keys", { cookie, body: { name } })).status).toBe(201);
    }
  });
  afterAll(async () => env.runtime.close());

  const list = async (query: string): Promise<Page> => {
    const res = await call(listKeys, "GET", `/api/v1/keys?${query}`, { cookie });
    expect(res.status).toBe(200);
    return res.body;
  };
  const namesOf = (page: Page) => page.data.map((k) => k.name);

  it("walks to the end and back again, page for page, in both sorts", async () => {
    for (const [sort, order, expected] of [
      ["name", "asc", [...names].sort()],
      ["createdAt", "desc", [...names].reverse()],
    ] as const) {
      const base = `sort=${sort}&order=${order}&limit=3`;
      const first = await list(base);
      expect(first.prevCursor).toBeNull();
      const second = await list(`${base}&cursor=${first.nextCursor}`);
      const third = await list(`${base}&cursor=${second.nextCursor}`);
      expect([namesOf(first), namesOf(second), namesOf(third)]).toEqual([
        expected.slice(0, 3),
        expected.slice(3, 6),
        expected.slice(6),
      ]);
      expect(third.nextCursor).toBeNull();

      // Back from the last page: the same pages, in the same order within each page.
      const backToSecond = await list(`${base}&before=${third.prevCursor}`);
      expect(namesOf(backToSecond)).toEqual(namesOf(second));
      expect(backToSecond.nextCursor).not.toBeNull();
      const backToFirst = await list(`${base}&before=${backToSecond.prevCursor}`);
      expect(namesOf(backToFirst)).toEqual(namesOf(first));
      expect(backToFirst.prevCursor).toBeNull();
      expect(namesOf(await list(`${base}&cursor=${backToFirst.nextCursor}`))).toEqual(namesOf(second));
    }
  });

  it("refuses cursor and before together, naming the field", async () => {
    const first = await list("limit=2");
    const res = await call(listKeys, "GET", `/api/v1/keys?cursor=${first.nextCursor}&before=${first.nextCursor}`, {
      cookie,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues[0].field).toBe("before");
  });
});
