import { openApiDocument } from "@/lib/api/openapi/document";
import { otherMethods } from "@/lib/api/other-methods";
import { publicBaseUrl } from "@/lib/config";

// Built once per process: the schemas do not change while it runs.
let document: string | null = null;

/** The OpenAPI 3.1 document of /api/v1, readable without signing in. */
export function GET(): Response {
  document ??= JSON.stringify(openApiDocument(publicBaseUrl()));
  return new Response(document, {
    headers: { "content-type": "application/json", "cache-control": "public, max-age=300" },
  });
}

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
