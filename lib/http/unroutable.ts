import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { sendError, sendErrorToSocket } from "./send-error";

/** The methods Next's route handlers can answer; anything else never reaches Next. */
const ROUTED_METHODS = new Set(["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"]);

/**
 * Answers, in the API's error shape, a request Next would fail on outside our handlers (with
 * a text/plain 500): a method such as TRACE, or a path that is not valid percent-encoding.
 * True when it answered.
 */
export function refuseUnroutable(req: IncomingMessage, res: ServerResponse): boolean {
  if (!ROUTED_METHODS.has(req.method ?? "")) {
    sendError(res, "METHOD_NOT_ALLOWED", `${req.method} is not supported`, { allow: [...ROUTED_METHODS].join(", ") });
    return true;
  }
  const url = req.url ?? "/";
  const query = url.indexOf("?");
  const path = query === -1 ? url : url.slice(0, query);
  if (path.includes("%")) {
    try {
      decodeURIComponent(path);
    } catch {
      sendError(res, "BAD_REQUEST", "The path is not valid percent-encoded UTF-8");
      return true;
    }
  }
  return false;
}

/**
 * For server.on("clientError"): what node's HTTP parser refuses (malformed requests, headers
 * too large, timeouts) gets a JSON answer instead of an empty one, when an answer can still
 * be written.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  const response = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage;
  if (!socket.writable || error.code === "ECONNRESET" || response?.headersSent) {
    socket.destroy();
    return;
  }
  switch (error.code) {
    case "HPE_HEADER_OVERFLOW":
      sendErrorToSocket(socket, "HEADERS_TOO_LARGE", "The request headers are too large");
      return;
    case "ERR_HTTP_REQUEST_TIMEOUT":
      sendErrorToSocket(socket, "REQUEST_TIMEOUT", "The request took too long to arrive");
      return;
    default:
      sendErrorToSocket(socket, "BAD_REQUEST", "Malformed HTTP request");
  }
}
