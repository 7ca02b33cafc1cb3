import { z } from "zod";
import { normaliseImportedHash } from "../../keys/imported-hash";
import {
  customExpirySchema,
  environmentSchema,
  keyDescriptionSchema,
  keyNameSchema,
  keySchema,
  scopesSchema,
} from "./keys";

/** POST /api/v1/keys/import: keys from another product, by the SHA-256 of their secrets. */
export const KEY_IMPORT_MAX = 1000;
/** 1,000 keys of a few hundred bytes each, descriptions included. */
export const KEY_IMPORT_MAX_BODY_BYTES = 1024 * 1024;

const importedHashSchema = z
  .string()
  .max(100, "Too long for a SHA-256")
  .transform((value, ctx) => {
    const hash = normaliseImportedHash(value.trim());
    if (hash === null) {
      ctx.addIssue({
        code: "custom",
        message: "Not a SHA-256: give 64 hex digits or 43 base64url characters (44 base64 with one =)",
      });
      return z.NEVER;
    }
    return hash;
  })
  .meta({
    description:
      "The SHA-256 of the key's secret, as the other product stores it: 64 hex digits, 43 base64url characters (what better-auth's api-key plugin stores), or 44 base64 characters ending in `=`.",
  });

/**
 * What the key table shows in place of the masked key: the secret's start as the other product
 * shows it (better-auth's `prefix`, Unkey's `start`), followed by `…`. Shown to anyone who may
 * read keys, so give only what the other product already showed.
 */
export const importPrefixSchema = z
  .string()
  .regex(/^[\x21-\x7e]{1,32}$/, "Use 1–32 printable characters without spaces")
  .meta({ description: 'The key\'s visible start, e.g. "atlas_": the key table shows `atlas_…`.' });

export const importedKeySchema = z
  .strictObject({
    hash: importedHashSchema,
    name: keyNameSchema,
    description: keyDescriptionSchema.optional(),
    /** Absent: the workspace's first environment, as for creation. */
    environment: environmentSchema.optional(),
    /** None by default: an imported key gets only what is asked for. */
    scopes: scopesSchema.default([]),
    expiresAt: customExpirySchema.nullable().optional(),
    prefix: importPrefixSchema.optional(),
  })
  .meta({ id: "ImportedKey" });
export type ImportedKeyData = z.output<typeof importedKeySchema>;

export const keyImportSchema = z
  .strictObject({
    keys: z
      .array(importedKeySchema)
      .min(1, "Send at least one key")
      .max(KEY_IMPORT_MAX, `At most ${KEY_IMPORT_MAX} keys a call: send the rest in another`)
      .superRefine((keys, ctx) => {
        const first = new Map<string, number>();
        keys.forEach((key, index) => {
          const earlier = first.get(key.hash);
          if (earlier === undefined) first.set(key.hash, index);
          else ctx.addIssue({ code: "custom", path: [index, "hash"], message: `The same key as keys.${earlier}` });
        });
      }),
  })
  .meta({
    id: "KeyImport",
    override: {
      examples: [
        {
          keys: [
            {
              hash: "2b1b0c8a8f2f4a0e6a1c9e3d5b7f9a1c3e5d7b9f1a3c5e7d9b1f3a5c7e9d1b3f",
              name: "Billing service",
              environment: "live",
              scopes: ["tasks.read"],
              prefix: "atlas_",
            },
          ],
        },
      ],
    },
  });
export type KeyImportData = z.output<typeof keyImportSchema>;

export const keyImportResultSchema = z
  .object({
    imported: z.number().int(),
    /** The new keys, in the order given, as the key list shows them. */
    keys: z.array(keySchema),
  })
  .meta({ id: "KeyImportResult" });
export type KeyImportResult = z.output<typeof keyImportResultSchema>;
