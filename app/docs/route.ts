import { otherMethods } from "@/lib/api/other-methods";
import { apiReferencePage } from "@/lib/docs/api-reference";
import { NONCE_HEADER } from "@/lib/http/security-headers";

/** The API reference, readable without signing in. */
export function GET(request: Request): Response {
  const nonce = request.headers.get(NONCE_HEADER) ?? "";
  return new Response(apiReferencePage(nonce), {
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
