import { otherMethods } from "@/lib/api/other-methods";
import { scalarBundle } from "@/lib/docs/api-reference";

/** Scalar's browser bundle; the page asks for it with the version in the query, so it may be kept. */
export function GET(): Response {
  return new Response(scalarBundle().source, {
    headers: {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "public, max-age=31536000, immutable",
    },
  });
}

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
