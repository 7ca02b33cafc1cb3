/**
 * An imported key's SHA-256, in whichever encoding the product it comes from stores it, as the
 * lowercase hex Keysmith stores (lib/keys/hash.ts): 64 hex digits (either case), 43 base64url
 * characters without padding (what better-auth's api-key plugin stores), or 44 base64
 * characters ending in one `=` (either alphabet). Anything else is null: not a SHA-256.
 */
const HEX = /^[0-9a-fA-F]{64}$/;
const BASE64URL = /^[A-Za-z0-9_-]{43}$/;
const PADDED_BASE64 = /^[A-Za-z0-9+/_-]{43}=$/;

export function normaliseImportedHash(text: string): string | null {
  if (HEX.test(text)) return text.toLowerCase();
  if (!BASE64URL.test(text) && !PADDED_BASE64.test(text)) return null;
  const unpadded = text.slice(0, 43).replaceAll("+", "-").replaceAll("/", "_");
  const bytes = Buffer.from(unpadded, "base64url");
  // 43 characters carry 258 bits: the last two must be zero, or the text is not an encoding of 32 bytes.
  if (bytes.length !== 32 || bytes.toString("base64url") !== unpadded) return null;
  return bytes.toString("hex");
}
