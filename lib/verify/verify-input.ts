import type { z } from "zod";
import { parseJsonText } from "../api/request";
import { type VerifyKeyInput, verifyKeySchema } from "../api/schemas/keys";
import { isCleanText } from "../api/text";

/**
 * The verify body, validated by verifyKeySchema. The commonest body, `{"key":"…"}` and
 * nothing else, is recognised without running zod (it allocates, and this is the hot
 * path); it is exactly what the schema accepts for that shape. Anything else goes
 * through the schema, which also words every error.
 */
export function parseVerifyInput(text: string, contentType: string | null): VerifyKeyInput {
  if (contentType?.startsWith("application/json")) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (isPlainKeyBody(json)) return json;
  }
  return parseJsonText(text, contentType, verifyKeySchema);
}

function isPlainKeyBody(json: unknown): json is z.output<typeof verifyKeySchema> {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return false;
  let fields = 0;
  for (const field in json) {
    if (field !== "key") return false;
    fields++;
  }
  const key = (json as { key?: unknown }).key;
  return fields === 1 && typeof key === "string" && key.length >= 1 && key.length <= 512 && isCleanText(key);
}
