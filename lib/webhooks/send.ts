import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import type { ResolvedTarget } from "./target";

/** How much of the receiver's answer the delivery log keeps. */
export const RESPONSE_EXCERPT_BYTES = 1024;

export interface AttemptResult {
  /** null when no HTTP answer came (refused target, connection error, timeout). */
  statusCode: number | null;
  latencyMs: number;
  responseExcerpt: string | null;
  error: string | null;
}

/**
 * POSTs one delivery to the address resolveTarget checked: the connection goes to that address
 * whatever the name resolves to now, while TLS still verifies the certificate for the name.
 * Redirects are not followed (a 3xx is a failure, as the Standard Webhooks spec advises). The
 * timeout covers the whole exchange, up to the excerpt of the answer.
 */
export function sendDelivery(
  target: ResolvedTarget,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all) {
      (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [
        { address: target.address, family: target.family },
      ]);
    } else callback(null, target.address, target.family);
  };
  const send = target.url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Omit<AttemptResult, "latencyMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve({ ...result, latencyMs: elapsed() });
    };
    const req = send(
      target.url,
      {
        method: "POST",
        lookup: pinned,
        signal,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          "user-agent": "Keysmith-Webhooks/1",
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () =>
          finish({
            statusCode: res.statusCode ?? null,
            responseExcerpt: chunks.length
              ? Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES).toString("utf8")
              : null,
            error: null,
          });
        res.on("data", (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          // Enough for the log: the rest of a large answer is not waited for.
          if (size >= RESPONSE_EXCERPT_BYTES) done();
        });
        res.on("end", done);
        res.on("error", done);
      },
    );
    const timer = setTimeout(
      () => finish({ statusCode: null, responseExcerpt: null, error: `No answer within ${timeoutMs} ms` }),
      timeoutMs,
    );
    req.on("error", (error: NodeJS.ErrnoException) =>
      finish({ statusCode: null, responseExcerpt: null, error: connectionError(error) }),
    );
    req.end(body);
  });
}

/** What the log says about a failed connection: the cause, not a stack. */
function connectionError(error: NodeJS.ErrnoException): string {
  if (error.name === "AbortError") return "Stopped: the server shut down during the attempt";
  return error.code ? `${error.code}: ${error.message}` : error.message;
}
