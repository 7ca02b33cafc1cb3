import { z } from "zod";
import { isStorableDateTime } from "./dates";
import { validationError } from "./errors";
import { uncleanTextField } from "./text";

/** Opaque keyset cursors: the last row's sort value and id, base64url-encoded JSON. */
export interface Cursor {
  value: string;
  id: string;
}

const cursorSchema = z.tuple([z.string().min(1).max(200), z.string().min(1).max(64)]);

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id])).toString("base64url");
}

/**
 * A cursor this API handed out, checked as carefully as any input: it arrives from the
 * client. `field` names the parameter it came in; a "date" cursor holds a date-time.
 */
export function decodeCursor(cursor: string, kind: "date" | "text", field = "cursor"): Cursor {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    decoded = undefined;
  }
  const parsed = cursorSchema.safeParse(decoded);
  if (!parsed.success || uncleanTextField(parsed.data) || (kind === "date" && !isStorableDateTime(parsed.data[0]))) {
    throw validationError([{ field, message: "Invalid cursor: use one this API returned" }]);
  }
  const [value, id] = parsed.data;
  return { value, id };
}
