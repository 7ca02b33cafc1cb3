import type { z } from "zod";
import { ApiError, validationError, zodIssues } from "./errors";
import { assertCleanText } from "./text";

export const MAX_JSON_BODY_BYTES = 64 * 1024;

/** Parses a JSON request body against a schema; every failure is a 4xx naming the field. */
export async function parseJsonBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.output<S>> {
  const text = await readBodyText(req, MAX_JSON_BODY_BYTES);
  return parseJsonText(text, req.headers.get("content-type"), schema);
}

export function parseJsonText<S extends z.ZodType>(text: string, contentType: string | null, schema: S): z.output<S> {
  if (!contentType || !/^application\/json\b/i.test(contentType.trim())) {
    throw validationError([{ field: "content-type", message: "Expected application/json" }]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw validationError([{ field: "body", message: "Invalid JSON" }]);
  }
  assertCleanText(json);
  const result = schema.safeParse(json);
  if (!result.success) throw validationError(zodIssues(result.error));
  return result.data;
}

/**
 * The body as text, counted while it streams in: a body over `limit` is refused as soon as
 * its bytes pass the limit, whatever Content-Length said (or whether it was sent at all).
 */
export async function readBodyText(req: Request, limit: number): Promise<string> {
  const tooLarge = () => new ApiError("PAYLOAD_TOO_LARGE", `Body exceeds ${limit} bytes`);
  if (Number(req.headers.get("content-length") ?? 0) > limit) throw tooLarge();
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** Parses URL search parameters against a schema (repeated keys are not used). */
export function parseQuery<S extends z.ZodType>(url: string, schema: S): z.output<S> {
  return parseQueryString(new URL(url).search, schema);
}

/** The same for a bare query string, as a page's server render builds it for the API's reads. */
export function parseQueryString<S extends z.ZodType>(query: string, schema: S): z.output<S> {
  const params = Object.fromEntries(new URLSearchParams(query));
  assertCleanText(params);
  const result = schema.safeParse(params);
  if (!result.success) throw validationError(zodIssues(result.error));
  return result.data;
}
