import type { APIRequestContext } from "@playwright/test";
import { json, PASSWORD } from "./api";
import { totpCode } from "./totp";

/**
 * Turns TOTP on for the person signed in on `api` through better-auth's endpoints, as the
 * /account card does: the password, then a code from the secret. better-auth replaces the
 * session on confirming, and the context keeps the new cookie.
 */
export async function enableTotp(api: APIRequestContext): Promise<{ secret: string; backupCodes: string[] }> {
  const setup = await json(await api.post("/api/auth/two-factor/enable", { data: { password: PASSWORD } }), 200);
  const secret = new URL(setup.totpURI).searchParams.get("secret") ?? "";
  await json(await api.post("/api/auth/two-factor/verify-totp", { data: { code: totpCode(secret) } }), 200);
  return { secret, backupCodes: setup.backupCodes };
}
