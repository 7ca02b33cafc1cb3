import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import { expect } from "@playwright/test";

/**
 * A webhook receiver for tests, written from the Standard Webhooks specification
 * (https://www.standardwebhooks.com, "Signature scheme" and "Verifying signatures"), not from
 * Keysmith's code: it records each request, and `verifyPerSpec` checks a signature with
 * node:crypto alone. `answer` decides each reply (status, or "hang" to never answer).
 */
export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

export type Answer = number | "hang";

export interface Receiver {
  url: string;
  port: number;
  received: ReceivedWebhook[];
  /** Sets how the following requests are answered, in turn (the last one repeats). */
  answerWith(...answers: Answer[]): void;
  /** Resolves with the first request (from now on, or already received) that `match` accepts. */
  waitFor(match: (event: ReceivedWebhook) => boolean, timeoutMs?: number): Promise<ReceivedWebhook>;
  close(): Promise<void>;
}

export async function startReceiver(port: number, ...answers: Answer[]): Promise<Receiver> {
  let plan: Answer[] = answers.length ? answers : [200];
  const received: ReceivedWebhook[] = [];
  const waiting = new Set<() => void>();
  const hanging = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() });
      for (const wake of waiting) wake();
      const answer = plan.length > 1 ? (plan.shift() as Answer) : plan[0];
      if (answer === "hang") {
        hanging.add(res);
        return;
      }
      res.writeHead(answer, { "content-type": "text/plain" }).end(answer < 300 ? "thanks" : `failing with ${answer}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${port}/hooks/keysmith`,
    port,
    received,
    answerWith: (...next) => {
      plan = next;
    },
    waitFor: (match, timeoutMs = 15_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = received.find(match);
          if (!found) return false;
          waiting.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiting.delete(check);
          reject(new Error(`no matching webhook within ${timeoutMs} ms (received ${received.length})`));
        }, timeoutMs);
        if (!check()) waiting.add(check);
      }),
    close: () =>
      new Promise((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The specification's verification, step by step: the signed content is
 * `{webhook-id}.{webhook-timestamp}.{body}`; the key is the base64 after `whsec_`; the header
 * holds space-separated `v1,<base64 HMAC-SHA256>` entries, compared in constant time; the
 * timestamp must be within the tolerance of now.
 */
export function verifyPerSpec(secret: string, event: ReceivedWebhook, toleranceSeconds = 300): boolean {
  const id = event.headers["webhook-id"];
  const timestamp = event.headers["webhook-timestamp"];
  const signatures = event.headers["webhook-signature"];
  if (typeof id !== "string" || typeof timestamp !== "string" || typeof signatures !== "string") return false;
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > toleranceSeconds) return false;
  const key = Buffer.from(secret.split("_")[1], "base64");
  const expected = createHmac("sha256", key).update(`${id}.${timestamp}.${event.body}`).digest();
  return signatures.split(" ").some((entry) => {
    const [version, signature] = entry.split(",");
    const given = Buffer.from(signature ?? "", "base64");
    return version === "v1" && given.length === expected.length && timingSafeEqual(given, expected);
  });
}

/** Checks a delivery as a receiver would, and returns its parsed event. */
// biome-ignore lint/suspicious/noExplicitAny: the event is checked by the test's assertions
export function expectSigned(secret: string, event: ReceivedWebhook): any {
  expect(verifyPerSpec(secret, event), "signature verifies per the Standard Webhooks spec").toBe(true);
  return JSON.parse(event.body);
}
