import type { IncomingMessage, ServerResponse } from "node:http";
import { MAX_JSON_BODY_BYTES } from "../api/request";
import { KEY_IMPORT_MAX_BODY_BYTES } from "../api/schemas/key-import";
import { VERIFY_MAX_BODY_BYTES } from "../verify/handle";
import { VERIFIER_USAGE_MAX_BODY_BYTES } from "../verify/snapshot-usage";
import { sendError } from "./send-error";

/**
 * The largest request body each part of the app accepts, by path prefix (the first match
 * wins). Checked in server.ts before Next or better-auth see a byte: they would otherwise
 * buffer a body whole before anything measured it.
 */
export const BODY_LIMITS: readonly { prefix: string; bytes: number }[] = [
  // A local verifier's usage report: up to 100 keys a batch (before the verify prefix it shares).
  { prefix: "/api/v1/keys/verify/usage", bytes: VERIFIER_USAGE_MAX_BODY_BYTES },
  { prefix: "/api/v1/keys/verify", bytes: VERIFY_MAX_BODY_BYTES },
  // Sign-up, sign-in and the rest of better-auth: a few small JSON fields.
  { prefix: "/api/auth/", bytes: 16 * 1024 },
  // An import: up to 1,000 keys a call.
  { prefix: "/api/v1/keys/import", bytes: KEY_IMPORT_MAX_BODY_BYTES },
  { prefix: "/api/", bytes: MAX_JSON_BODY_BYTES },
];
/** Pages: the dashboard posts nothing to them. */
export const DEFAULT_BODY_LIMIT = 16 * 1024;

export function bodyLimitFor(url: string | undefined): number {
  const path = url ?? "/";
  for (const { prefix, bytes } of BODY_LIMITS) if (path.startsWith(prefix)) return bytes;
  return DEFAULT_BODY_LIMIT;
}

/**
 * Calls `admit` once the request's body is known to fit `limit`, else answers 413. A declared
 * Content-Length is judged at once (node's parser never delivers more than it declares). A
 * chunked body is held back while it streams in, counted, and handed on whole at its end, so
 * no more than `limit` bytes of it are ever kept.
 */
export function admitBody(req: IncomingMessage, res: ServerResponse, limit: number, admit: () => void): void {
  const declared = req.headers["content-length"];
  if (declared !== undefined) {
    if (Number(declared) > limit) refuseOversizeBody(req, res, limit);
    else admit();
    return;
  }
  if (req.headers["transfer-encoding"] === undefined) {
    admit();
    return;
  }
  // node's HTTP parser hands every body chunk to push(), and push(null) at the end.
  const push = req.push;
  const held: Buffer[] = [];
  let size = 0;
  let refused = false;
  req.push = ((chunk: Buffer | null) => {
    if (chunk === null) {
      req.push = push;
      if (!refused) {
        for (const part of held) push.call(req, part);
        held.length = 0;
      }
      const more = push.call(req, null);
      if (!refused) admit();
      return more;
    }
    if (refused) return true; // dropped: the answer is already on its way
    size += chunk.length;
    if (size > limit) {
      refused = true;
      held.length = 0;
      refuseOversizeBody(req, res, limit);
      return true;
    }
    held.push(chunk);
    return true;
  }) as typeof req.push;
}

/**
 * 413, sent at once; what is left of the body is read and discarded (never kept), so the
 * client sees the answer rather than a reset connection. KEYSMITH_REQUEST_TIMEOUT_MS bounds
 * how long a client may go on sending.
 */
export function refuseOversizeBody(req: IncomingMessage, res: ServerResponse, limit: number): void {
  sendError(res, "PAYLOAD_TOO_LARGE", `Body exceeds ${limit} bytes`);
  req.resume();
}
