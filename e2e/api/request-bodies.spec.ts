import { request as httpRequest } from "node:http";
import { BODY_LIMITS, DEFAULT_BODY_LIMIT } from "../../lib/http/body-limit";
import { anonymous, json, PASSWORD, signUpWithWorkspace, verify } from "../support/api";
import { expect, test } from "../support/test";

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
    // One chunk per turn of the event loop, so that an answer is noticed as soon as it comes.
    const pump = () => {
      if (answered) return;
      const chunk = chunks(sent);
      if (chunk === null) {
        req.end();
        return;
      }
      sent += chunk.length;
      if (req.write(chunk)) setImmediate(pump);
      else req.once("drain", pump);
    };
    pump();
  });
}

/** The server's resident memory, from /api/metrics (open to callers on the same machine). */
async function residentBytes(baseURL: string): Promise<number> {
  const text = await (await fetch(`${baseURL}/api/metrics`)).text();
  return Number(/^process_resident_memory_bytes (\d+)/m.exec(text)?.[1]);
}

test.describe("request bodies", () => {
  test("a body that keeps coming is refused with 413 once it passes its route's limit, on every route", async ({
    baseURL,
  }) => {
    const owner = await signUpWithWorkspace(baseURL!);
    const session = { cookie: await cookieHeader(owner.api), "x-workspace-id": owner.workspace.id };
    const piece = Buffer.alloc(64 * 1024, " ");
    const SENT_AT_MOST = 256 * 1024 * 1024;
    const rssBefore = await residentBytes(baseURL!);
    const routes = [
      { path: "/api/v1/keys", headers: session },
      { path: "/api/v1/keys/verify?via=next", headers: {} },
      { path: "/api/v1/keys/verify", headers: {} },
      { path: "/api/auth/sign-up/email", headers: {} },
      { path: "/api/auth/sign-in/email", headers: {} },
      { path: "/sign-in", headers: {} },
    ];
    for (const { path, headers } of routes) {
      const limit = BODY_LIMITS.find((l) => path.startsWith(l.prefix))?.bytes ?? DEFAULT_BODY_LIMIT;
      const answer = await chunkedPost(
        `${baseURL}${path}`,
        { ...headers, origin: baseURL!, "content-type": "application/json" },
        (sent) => (sent < SENT_AT_MOST ? piece : null),
      );
      expect(answer.status, path).toBe(413);
      expect(JSON.parse(answer.body), path).toEqual({
        error: { code: "PAYLOAD_TOO_LARGE", message: `Body exceeds ${limit} bytes` },
      });
      // Answered while the body was still coming, and none of it kept: before the limit was
      // enforced here, Next and better-auth buffered such a body whole.
      expect(answer.sent, path).toBeLessThan(SENT_AT_MOST);
      // Half of what was sent: a body buffered whole would pass it; the shared server's other
      // work meanwhile (the other test worker) must not.
      expect(await residentBytes(baseURL!), path).toBeLessThan(rssBefore + SENT_AT_MOST / 2);

      // A declared Content-Length over the limit is refused before a byte of the body is read.
      const declared = await fetch(`${baseURL}${path}`, {
        method: "POST",
        headers: { ...headers, origin: baseURL!, "content-type": "application/json" },
        body: "x".repeat(limit + 1),
      });
      expect(declared.status, path).toBe(413);
      expect((await declared.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
    }
    expect((await fetch(`${baseURL}/api/health`)).status).toBe(200);
  });

  test("a chunked body within the limit reaches better-auth whole", async ({ baseURL }) => {
    const email = `chunked-${Date.now()}@example.com`;
    const body = Buffer.from(JSON.stringify({ name: "Chunked", email, password: PASSWORD }));
    const answer = await chunkedPost(
      `${baseURL}/api/auth/sign-up/email`,
      { origin: baseURL!, "content-type": "application/json" },
      (sent) => (sent < body.length ? body.subarray(sent, sent + 7) : null),
    );
    expect(answer.status, answer.body).toBe(200);
    expect(JSON.parse(answer.body).user).toMatchObject({ email });
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
