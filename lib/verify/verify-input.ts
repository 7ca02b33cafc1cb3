import type { z } from "zod";
import { parseJsonText } from "../api/request";
import { VERIFY_KEY_MAX_LENGTH, type VerifyKeyInput, verifyKeySchema } from "../api/schemas/keys";
import { isCleanText } from "../api/text";

/**
 * The verify body, validated by verifyKeySchema. The commonest body, `{"key":"…"}` and
 * nothing else, is recognised without running zod (it allocates, and this is the hot
 * path); it is exactly what the schema accepts for that shape. Anything else goes
 * through the schema, which also words every error.
 */
export function parseVerifyInput(text: string, contentType: string | null): VerifyKeyInput {
  if (contentType?.startsWith("application/json")) {
    const bare = bareKeyBody(text);
    if (bare !== null) return { key: bare };
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

const OPENING = '{"key":"';
const CLOSING = '"}';

/**
 * The key of a body that is exactly `{"key":"<letters, digits, _ and ->"}`, as every SDK and
 * most callers send it, or null. Those characters need no escaping, so JSON.parse would
 * return `{ key }` for this text and the schema would accept it: the shortcut saves the
 * parse (a verification's commonest cost after the hash). Any other text (spaces, escapes,
 * more fields) is parsed.
 */
function bareKeyBody(text: string): string | null {
  const end = text.length - CLOSING.length;
  const start = OPENING.length;
  if (end <= start || end - start > VERIFY_KEY_MAX_LENGTH || !text.startsWith(OPENING) || !text.endsWith(CLOSING)) {
    return null;
  }
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128 || !BARE_CHARACTER[code]) return null;
  }
  return text.slice(start, end);
}

const BARE_CHARACTER = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const char = String.fromCharCode(code);
  BARE_CHARACTER[code] = /[0-9A-Za-z_-]/.test(char) ? 1 : 0;
}

function isPlainKeyBody(json: unknown): json is z.output<typeof verifyKeySchema> {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return false;
  let fields = 0;
  for (const field in json) {
    if (field !== "key") return false;
    fields++;
  }
  const key = (json as { key?: unknown }).key;
  return (
    fields === 1 &&
    typeof key === "string" &&
    key.length >= 1 &&
    key.length <= VERIFY_KEY_MAX_LENGTH &&
    isCleanText(key)
  );
}
