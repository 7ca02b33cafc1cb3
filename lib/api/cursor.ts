import { z } from "zod";
import { validationError } from "./errors";

/** Opaque keyset cursors: the last row's sort value and id, base64url-encoded JSON. */
export interface Cursor {
  value: string;
  id: string;
}

const cursorSchema = z.tuple([z.string().min(1).max(200), z.string().min(1).max(64)]);

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id])).toString("base64url");
}

export function decodeCursor(cursor: string): Cursor {
  try {
    const [value, id] = cursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return { value, id };
  } catch {
    throw validationError([{ field: "cursor", message: "Invalid cursor" }]);
  }
}
