import { organizationClient } from "better-auth/client/plugins";
import { createAuthClient } from "better-auth/react";

/** better-auth's browser client; the base URL is the page's own origin. */
export const authClient = createAuthClient({ plugins: [organizationClient()] });
