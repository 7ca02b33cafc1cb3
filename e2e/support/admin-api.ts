import { type APIRequestContext, request } from "@playwright/test";
import { ADMIN, ADMIN_STATE } from "./admin";

/** The browser tests' admin, calling the API with the saved session, in `workspace` (a slug or id). */
export function adminApi(baseURL: string, workspace: string = ADMIN.slug): Promise<APIRequestContext> {
  return request.newContext({
    baseURL,
    storageState: ADMIN_STATE,
    // Cookie-authenticated mutations must carry a same-origin Origin header (CSRF rule).
    extraHTTPHeaders: { origin: baseURL, "x-workspace-id": workspace },
  });
}
