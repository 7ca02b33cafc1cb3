import { request as httpRequest } from "node:http";
import { expect, test } from "@playwright/test";
import { anonymous, json, signUpWithWorkspace, verify } from "../support/api";

/** The session cookie of a Playwright request context, for raw node:http requests. */
async function cookieHeader(api: Awaited<ReturnType<typeof signUpWithWorkspace>>["api"]): Promise<string> {
  const { cookies } = await api.storageState();
  return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

/**
 * POSTs a chunked body, 64 KiB at a time, for as long as no answer has come (up to `maxBytes`);
 * resolves with the answer and how many bytes were sent before it arrived.
 */
function chunkedPost(
  url: string,
  headers: Record<string, string>,
  chunks: (sent: number) => Buffer | null,
): Promise<{ status: number; body: string; sent: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = httpRequest(url, { method: "POST", headers: { ...headers, "transfer-encoding": "chunked" } }, (res) => {
      answered = true;
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, body, sent });
        req.destroy();
      });
    });
    req.on("error", (error) => (answered ? undefined : reject(error)));
    const pump = () => {
      while (!answered) {
        const chunk = chunks(sent);
        if (chunk === null) {
          req.end();
          return;
        }
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once("drain", pump);
          return;
        }
      }
    };
    pump();
  });
}

test.describe("request bodies", () => {
  test("a body that keeps coming is refused with 413 once it passes the limit, not after it ends", async ({
    baseURL,
  }) => {
    const owner = await signUpWithWorkspace(baseURL!);
    const LIMIT_OF_THE_TEST = 64 * 1024 * 1024;
    const piece = Buffer.alloc(64 * 1024, " ");
    const answer = await chunkedPost(
      `${baseURL}/api/v1/keys`,
      {
        cookie: await cookieHeader(owner.api),
        origin: baseURL!,
        "content-type": "application/json",
        "x-workspace-id": owner.workspace.id,
      },
      (sent) => (sent < LIMIT_OF_THE_TEST ? piece : null),
    );
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error.code).toBe("PAYLOAD_TOO_LARGE");
    // Refused while it was still coming: far less than what the client would have sent.
    expect(answer.sent).toBeLessThan(16 * 1024 * 1024);
    expect((await fetch(`${baseURL}/api/health`)).status).toBe(200);
  });

  test("a chunked body to POST /api/v1/me/key is read: its grace period keeps the old personal key alive", async ({
    baseURL,
  }) => {
    const user = await signUpWithWorkspace(baseURL!);
    const machine = await anonymous(baseURL!);
    const first = await json(await user.api.post("/api/v1/me/key"), 201);
    const body = Buffer.from(JSON.stringify({ gracePeriod: "7d" }));
    const answer = await chunkedPost(
      `${baseURL}/api/v1/me/key`,
      { cookie: await cookieHeader(user.api), origin: baseURL!, "content-type": "application/json" },
      (sent) => (sent === 0 ? body : null),
    );
    expect(answer.status).toBe(201);
    expect(JSON.parse(answer.body).previous).toMatchObject({ id: first.id, status: "in_grace" });
    expect(await verify(machine, { key: first.key })).toMatchObject({ valid: true });
  });
});
