import { passkeyClient } from "@better-auth/passkey/client";
import { twoFactorClient } from "better-auth/client/plugins";
import { createAuthClient } from "better-auth/react";

/**
 * better-auth's browser client (sign-up, sign-in, sign-out, session, two-factor, passkeys);
 * the base URL is the page's own origin. The sign-in form handles the two-factor step itself.
 */
export const authClient = createAuthClient({ plugins: [twoFactorClient(), passkeyClient()] });
