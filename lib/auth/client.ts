import { createAuthClient } from "better-auth/react";

/** better-auth's browser client (sign-up, sign-in, sign-out, session); the base URL is the page's own origin. */
export const authClient = createAuthClient();
