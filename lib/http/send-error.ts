import { type ServerResponse, STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import { ERROR_STATUS, type ErrorBody, type ErrorCode } from "../api/errors";

function errorJson(code: ErrorCode, message: string): string {
  const body: ErrorBody = { error: { code, message } };
  return JSON.stringify(body);
}

/** An error answered by server.ts itself, in the API's `{"error":{…}}` shape. */
export function sendError(
  res: ServerResponse,
  code: ErrorCode,
  message: string,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) return;
  const body = errorJson(code, message);
  res.writeHead(ERROR_STATUS[code], {
    ...headers,
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  });
  res.end(body);
}

/**
 * The same, written straight to a socket whose request node's parser refused (there is no
 * response object then); the connection closes after it.
 */
export function sendErrorToSocket(socket: Socket, code: ErrorCode, message: string): void {
  const status = ERROR_STATUS[code];
  const body = errorJson(code, message);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\ncache-control: no-store\r\nx-content-type-options: nosniff\r\n` +
      `connection: close\r\n\r\n${body}`,
  );
}
