import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashKey } from "./hash";
import { normaliseImportedHash } from "./imported-hash";

const secret = "atlas_kQ2mZr8vLx0pTn4WcB7yHd1sJ6gF3aE5";
const digest = createHash("sha256").update(secret).digest();

describe("normaliseImportedHash", () => {
  it("turns every encoding of one SHA-256 into the hex Keysmith stores", () => {
    const expected = hashKey(secret);
    expect(normaliseImportedHash(digest.toString("hex"))).toBe(expected);
    expect(normaliseImportedHash(digest.toString("hex").toUpperCase())).toBe(expected);
    // better-auth's api-key plugin: base64url, no padding (43 characters).
    expect(normaliseImportedHash(digest.toString("base64url"))).toBe(expected);
    // Standard base64 with its padding (44 characters), and base64url padded the same way.
    expect(normaliseImportedHash(digest.toString("base64"))).toBe(expected);
    expect(normaliseImportedHash(`${digest.toString("base64url")}=`)).toBe(expected);
  });

  it("refuses what is not the encoding of 32 bytes", () => {
    const hex = digest.toString("hex");
    const b64url = digest.toString("base64url");
    for (const text of [
      "",
      hex.slice(0, 63),
      `${hex}0`,
      `${hex.slice(0, 63)}g`,
      b64url.slice(0, 42),
      `${b64url}A`,
      `${b64url.slice(0, 42)}!`,
      `${b64url.slice(0, 41)}==`,
      // The 43rd character carries two bits too many: only A, E, I … (low bits zero) can end 32 bytes.
      `${b64url.slice(0, 42)}B`,
      createHash("sha512").update(secret).digest("hex"),
    ]) {
      expect(normaliseImportedHash(text), text).toBeNull();
    }
  });
});
