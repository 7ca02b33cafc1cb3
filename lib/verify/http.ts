import type { IncomingMessage, ServerResponse } from "node:http";
import { errorBody } from "../api/errors";
import { presentedKey } from "../auth/key-credential";
import { refuseOversizeBody } from "../http/body-limit";
import type { Runtime } from "../runtime";
import { handleVerify, VERIFY_MAX_BODY_BYTES, type VerifyResponse } from "./handle";
import { responseHead } from "./response-head";

/**
 * The verification hot path, straight on node:http: no Next.js routing, no Web Request
 * objects. Same answers as the Next route handler (both go through handleVerify).
 */
export function isVerifyRequest(req: IncomingMessage): boolean {
  return req.method === "POST" && req.url === "/api/v1/keys/verify";
}

export function serveVerify(req: IncomingMessage, res: ServerResponse, runtime: Runtime, clientIp: string): void {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > VERIFY_MAX_BODY_BYTES) {
    refuseOversizeBody(req, res, VERIFY_MAX_BODY_BYTES);
    return;
  }

  const chunks: Buffer[] = [];
  let size = 0;
  let aborted = false;
  req.on("data", (chunk: Buffer) => {
    if (aborted) return;
    size += chunk.length;
    if (size > VERIFY_MAX_BODY_BYTES) {
      aborted = true;
      refuseOversizeBody(req, res, VERIFY_MAX_BODY_BYTES);
      return;
    }
    chunks.push(chunk);
  });
  req.on("end", () => {
    if (aborted) return;
    const text = chunks.length === 1 ? chunks[0].toString("utf8") : Buffer.concat(chunks).toString("utf8");
    const response = verifyRequest(req, runtime, text, clientIp);
    if (response instanceof Promise) {
      response.then(
        (answer) => send(res, answer),
        (error) => send(res, errorBody(error)),
      );
    } else send(res, response);
  });
  req.on("error", () => {
    aborted = true;
  });
}

function verifyRequest(req: IncomingMessage, runtime: Runtime, text: string, ip: string) {
  // node:http builds req.headers for every request anyway (it reads Expect and Host).
  const { headers } = req;
  let credential: string | null = null;
  if (headers.authorization !== undefined || headers["x-api-key"] !== undefined) {
    try {
      credential = presentedKey((name) => single(headers[name]));
    } catch (error) {
      return errorBody(error);
    }
  }
  return handleVerify(runtime, {
    text,
    contentType: headers["content-type"] ?? null,
    ip,
    userAgent: headers["user-agent"]?.slice(0, 400) ?? null,
    credential,
    workspaceHint: single(headers["x-workspace-id"]) ?? null,
    organizationHint: single(headers["x-organization-id"]) ?? null,
  });
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function send(res: ServerResponse, response: VerifyResponse): void {
  if (res.headersSent) return;
  // A memoised answer comes serialised, with its head.
  if (response.head && response.json !== undefined) {
    res.writeHead(response.status, response.head);
    res.end(response.json);
    return;
  }
  const body = JSON.stringify(response.body);
  res.writeHead(response.status, responseHead(Buffer.byteLength(body), response.headers));
  res.end(body);
}
