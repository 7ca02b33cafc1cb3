import { otherMethods } from "@/lib/api/other-methods";
import { parseJsonText, readBodyText } from "@/lib/api/request";
import { KEY_IMPORT_MAX_BODY_BYTES, keyImportSchema } from "@/lib/api/schemas/key-import";
import { withAuth } from "@/lib/auth/with-auth";
import { importKeys } from "@/lib/keys/import";
import { toKeyView } from "@/lib/keys/serialize";

// keys.write, and the rules of creating a key (key creation setting, key minting for keys).
export const POST = withAuth({ scope: "keys.write" }, async ({ req, db, principal, meta, now }) => {
  const text = await readBodyText(req, KEY_IMPORT_MAX_BODY_BYTES);
  const input = parseJsonText(text, req.headers.get("content-type"), keyImportSchema);
  const rows = await importKeys(db, principal, input, meta, now);
  return Response.json({ imported: rows.length, keys: rows.map((row) => toKeyView(row, now)) }, { status: 201 });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);
